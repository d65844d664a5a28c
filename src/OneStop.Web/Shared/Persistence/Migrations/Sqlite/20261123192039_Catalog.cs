using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Web.Shared.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Catalog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "procedures",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    current_version = table.Column<int>(type: "INTEGER", nullable: false),
                    name_vi = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    name_en = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    field_key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    field_name_vi = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    field_name_en = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    search_text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_procedures", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "procedure_versions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    procedure_id = table.Column<int>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    definition_json = table.Column<string>(type: "TEXT", nullable: false),
                    content_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    imported_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_procedure_versions", x => x.id);
                    table.ForeignKey(
                        name: "FK_procedure_versions_procedures_procedure_id",
                        column: x => x.procedure_id,
                        principalTable: "procedures",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_procedure_versions_procedure_id_content_hash",
                table: "procedure_versions",
                columns: new[] { "procedure_id", "content_hash" });

            migrationBuilder.CreateIndex(
                name: "IX_procedure_versions_procedure_id_version",
                table: "procedure_versions",
                columns: new[] { "procedure_id", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_procedures_code",
                table: "procedures",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_procedures_field_key",
                table: "procedures",
                column: "field_key");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "procedure_versions");

            migrationBuilder.DropTable(
                name: "procedures");
        }
    }
}
