using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Web.Shared.Persistence.Migrations.Sqlite
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
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    ConfirmedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ConfirmedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_calendar_years", x => new { x.ProvinceCode, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "holiday_rules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Calendar = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstDayOffset = table.Column<int>(type: "INTEGER", nullable: false),
                    Days = table.Column<int>(type: "INTEGER", nullable: false),
                    AdjacentDay = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    FromYear = table.Column<int>(type: "INTEGER", nullable: true),
                    ToYear = table.Column<int>(type: "INTEGER", nullable: true),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    IsEnabled = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_holiday_rules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "province_calendars",
                columns: table => new
                {
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    MorningStart = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    MorningEnd = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    AfternoonStart = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    AfternoonEnd = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    WeeklyDaysOff = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_province_calendars", x => x.ProvinceCode);
                });

            migrationBuilder.CreateTable(
                name: "calendar_days",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DecisionReference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
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
