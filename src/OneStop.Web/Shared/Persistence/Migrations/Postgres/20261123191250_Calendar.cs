using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OneStop.Web.Shared.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Calendar : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "calendar_years",
                columns: table => new
                {
                    ProvinceCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    ConfirmedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ConfirmedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_calendar_years", x => new { x.ProvinceCode, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "holiday_rules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProvinceCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Key = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Calendar = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    Day = table.Column<int>(type: "integer", nullable: false),
                    FirstDayOffset = table.Column<int>(type: "integer", nullable: false),
                    Days = table.Column<int>(type: "integer", nullable: false),
                    AdjacentDay = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    FromYear = table.Column<int>(type: "integer", nullable: true),
                    ToYear = table.Column<int>(type: "integer", nullable: true),
                    Basis = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    IsEnabled = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_holiday_rules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "province_calendars",
                columns: table => new
                {
                    ProvinceCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    MorningStart = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    MorningEnd = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    AfternoonStart = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    AfternoonEnd = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    WeeklyDaysOff = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_province_calendars", x => x.ProvinceCode);
                });

            migrationBuilder.CreateTable(
                name: "calendar_days",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProvinceCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DecisionReference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_calendar_days", x => x.Id);
                    table.ForeignKey(
                        name: "FK_calendar_days_calendar_years_ProvinceCode_Year",
                        columns: x => new { x.ProvinceCode, x.Year },
                        principalTable: "calendar_years",
                        principalColumns: new[] { "ProvinceCode", "Year" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_calendar_days_ProvinceCode_Date",
                table: "calendar_days",
                columns: new[] { "ProvinceCode", "Date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_calendar_days_ProvinceCode_Year",
                table: "calendar_days",
                columns: new[] { "ProvinceCode", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_holiday_rules_ProvinceCode_Key",
                table: "holiday_rules",
                columns: new[] { "ProvinceCode", "Key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "calendar_days");

            migrationBuilder.DropTable(
                name: "holiday_rules");

            migrationBuilder.DropTable(
                name: "province_calendars");

            migrationBuilder.DropTable(
                name: "calendar_years");
        }
    }
}
