using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OneStop.Web.Shared.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PortalAndOverdue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ClaimedBy",
                table: "notification_outbox",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ClaimedUntil",
                table: "notification_outbox",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "apology_letters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ProvinceCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    PreviousAppointmentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    NewAppointmentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    IssuedById = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    IssuedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IssuedByRole = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RequestKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_apology_letters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_apology_letters_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

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
                name: "overdue_notices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ProvinceCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DueMoment = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    NotifiedOfficers = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Messages = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_overdue_notices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_overdue_notices_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "overdue_reminder_runs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RunId = table.Column<Guid>(type: "uuid", nullable: false),
                    InstanceId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Event = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Notices = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_overdue_reminder_runs", x => x.Id);
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
                name: "IX_apology_letters_ApplicationId_Number",
                table: "apology_letters",
                columns: new[] { "ApplicationId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_apology_letters_ApplicationId_RequestKey",
                table: "apology_letters",
                columns: new[] { "ApplicationId", "RequestKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_application_draft_files_DraftId_DocumentKey",
                table: "application_draft_files",
                columns: new[] { "DraftId", "DocumentKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_application_drafts_CitizenIdNumber_UpdatedAt",
                table: "application_drafts",
                columns: new[] { "CitizenIdNumber", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_overdue_notices_ApplicationId_Kind_DueMoment",
                table: "overdue_notices",
                columns: new[] { "ApplicationId", "Kind", "DueMoment" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_overdue_notices_ProvinceCode_UnitCode_CreatedAt",
                table: "overdue_notices",
                columns: new[] { "ProvinceCode", "UnitCode", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_overdue_reminder_runs_RunId",
                table: "overdue_reminder_runs",
                column: "RunId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "apology_letters");

            migrationBuilder.DropTable(
                name: "application_draft_files");

            migrationBuilder.DropTable(
                name: "overdue_notices");

            migrationBuilder.DropTable(
                name: "overdue_reminder_runs");

            migrationBuilder.DropTable(
                name: "application_drafts");

            migrationBuilder.DropColumn(
                name: "ClaimedBy",
                table: "notification_outbox");

            migrationBuilder.DropColumn(
                name: "ClaimedUntil",
                table: "notification_outbox");
        }
    }
}
