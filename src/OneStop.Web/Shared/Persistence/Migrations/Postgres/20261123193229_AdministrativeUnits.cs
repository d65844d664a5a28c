using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Web.Shared.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AdministrativeUnits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "administrative_unit_imports",
                columns: table => new
                {
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    content_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    units = table.Column<int>(type: "integer", nullable: false),
                    successions = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_administrative_unit_imports", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "administrative_unit_sets",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: true),
                    effective_until = table.Column<DateOnly>(type: "date", nullable: true),
                    data_as_of = table.Column<DateOnly>(type: "date", nullable: false),
                    has_districts = table.Column<bool>(type: "boolean", nullable: false),
                    description = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    legal_basis = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_administrative_unit_sets", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "administrative_unit_successions",
                columns: table => new
                {
                    from_set_code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    from_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    to_set_code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    to_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_administrative_unit_successions", x => new { x.from_set_code, x.from_code, x.to_set_code, x.to_code });
                });

            migrationBuilder.CreateTable(
                name: "administrative_units",
                columns: table => new
                {
                    set_code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    level = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    full_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    name_en = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    full_name_en = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    qualified_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    search_name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    parent_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    district_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_administrative_units", x => new { x.set_code, x.code });
                });

            migrationBuilder.CreateIndex(
                name: "IX_administrative_unit_successions_to_set_code_to_code",
                table: "administrative_unit_successions",
                columns: new[] { "to_set_code", "to_code" });

            migrationBuilder.CreateIndex(
                name: "IX_administrative_units_set_code_parent_code",
                table: "administrative_units",
                columns: new[] { "set_code", "parent_code" });

            migrationBuilder.CreateIndex(
                name: "IX_administrative_units_set_code_province_code",
                table: "administrative_units",
                columns: new[] { "set_code", "province_code" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "administrative_unit_imports");

            migrationBuilder.DropTable(
                name: "administrative_unit_sets");

            migrationBuilder.DropTable(
                name: "administrative_unit_successions");

            migrationBuilder.DropTable(
                name: "administrative_units");
        }
    }
}
