using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Web.Shared.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Portal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "application_drafts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CitizenIdNumber = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    CitizenName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProcedureCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ProcedureVersion = table.Column<int>(type: "integer", nullable: false),
                    ProcedureName = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    AnswersJson = table.Column<string>(type: "text", nullable: false),
                    PrefilledJson = table.Column<string>(type: "text", nullable: false),
                    CoveredDocumentsJson = table.Column<string>(type: "text", nullable: false),
                    CommuneCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    Phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CurrentPage = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SubmissionToken = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_application_drafts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "application_draft_files",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DraftId = table.Column<Guid>(type: "uuid", nullable: false),
                    DocumentKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_application_draft_files", x => x.Id);
                    table.ForeignKey(
                        name: "FK_application_draft_files_application_drafts_DraftId",
                        column: x => x.DraftId,
                        principalTable: "application_drafts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_application_draft_files_DraftId_DocumentKey",
                table: "application_draft_files",
                columns: new[] { "DraftId", "DocumentKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_application_drafts_CitizenIdNumber_UpdatedAt",
                table: "application_drafts",
                columns: new[] { "CitizenIdNumber", "UpdatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "application_draft_files");

            migrationBuilder.DropTable(
                name: "application_drafts");
        }
    }
}
