using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OneStop.Web.Shared.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Applications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "application_code_counters",
                columns: table => new
                {
                    UnitCode = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    LastSequence = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_application_code_counters", x => new { x.UnitCode, x.Day });
                });

            migrationBuilder.CreateTable(
                name: "applications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ProcedureCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ProcedureVersion = table.Column<int>(type: "integer", nullable: false),
                    ProcedureName = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Channel = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ProvinceCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: false),
                    ApplicantCommuneCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    ApplicantIdNumber = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    ApplicantName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ApplicantPhone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ApplicantEmail = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ApplicantAddress = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    FormValuesJson = table.Column<string>(type: "text", nullable: false),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AppointmentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    StepDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClockStoppedSince = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClockStopsJson = table.Column<string>(type: "text", nullable: false),
                    AssignedOfficerId = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    AssignedOfficerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SubmissionKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    EventCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_applications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "notification_outbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Channel = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Recipient = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Reference = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Kind = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    State = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notification_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "application_attachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    DocumentKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AddedBy = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_application_attachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_application_attachments_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "application_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    FromState = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ToState = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ActorId = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    ActorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ActorRole = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ActorUnitCode = table.Column<string>(type: "character varying(13)", maxLength: 13, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    StepDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    OnTime = table.Column<bool>(type: "boolean", nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RequestKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_application_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_application_events_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_application_attachments_ApplicationId",
                table: "application_attachments",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_application_events_ApplicationId_RequestKey",
                table: "application_events",
                columns: new[] { "ApplicationId", "RequestKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_application_events_ApplicationId_Sequence",
                table: "application_events",
                columns: new[] { "ApplicationId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_applications_ApplicantIdNumber_SubmissionKey",
                table: "applications",
                columns: new[] { "ApplicantIdNumber", "SubmissionKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_applications_ApplicantIdNumber_SubmittedAt",
                table: "applications",
                columns: new[] { "ApplicantIdNumber", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_applications_AssignedOfficerId",
                table: "applications",
                column: "AssignedOfficerId");

            migrationBuilder.CreateIndex(
                name: "IX_applications_Code",
                table: "applications",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_applications_DueAt",
                table: "applications",
                column: "DueAt");

            migrationBuilder.CreateIndex(
                name: "IX_applications_ProvinceCode_UnitCode_Status",
                table: "applications",
                columns: new[] { "ProvinceCode", "UnitCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_notification_outbox_Reference",
                table: "notification_outbox",
                column: "Reference");

            migrationBuilder.CreateIndex(
                name: "IX_notification_outbox_State_NextAttemptAt",
                table: "notification_outbox",
                columns: new[] { "State", "NextAttemptAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "application_attachments");

            migrationBuilder.DropTable(
                name: "application_code_counters");

            migrationBuilder.DropTable(
                name: "application_events");

            migrationBuilder.DropTable(
                name: "notification_outbox");

            migrationBuilder.DropTable(
                name: "applications");
        }
    }
}
