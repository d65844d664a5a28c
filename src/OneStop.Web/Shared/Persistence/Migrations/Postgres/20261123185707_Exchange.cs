using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Web.Shared.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Exchange : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "exchange_keys",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PrivateKeyPem = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exchange_keys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "exchange_log_data_subjects",
                columns: table => new
                {
                    PersonalIdNumber = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exchange_log_data_subjects", x => new { x.PersonalIdNumber, x.Sequence });
                });

            migrationBuilder.CreateTable(
                name: "exchange_log_entries",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClientSystem = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EndUser = table.Column<string>(type: "character varying(140)", maxLength: 140, nullable: false),
                    EndUserUnit = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Registry = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Service = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SubjectId = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    LegalBasis = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ApplicationCode = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Fields = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Reason = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    DataSubjects = table.Column<string>(type: "text", nullable: false),
                    RequestDigest = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ResponseDigest = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ResponseSignature = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RequestBody = table.Column<string>(type: "text", nullable: true),
                    ResponseBody = table.Column<string>(type: "text", nullable: true),
                    PreviousHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exchange_log_entries", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "exchange_log_seals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    FromSequence = table.Column<long>(type: "bigint", nullable: false),
                    ToSequence = table.Column<long>(type: "bigint", nullable: false),
                    ChainHead = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    MerkleRoot = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SealedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Signature = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exchange_log_seals", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_exchange_log_entries_ApplicationCode",
                table: "exchange_log_entries",
                column: "ApplicationCode");

            migrationBuilder.CreateIndex(
                name: "IX_exchange_log_entries_RequestId",
                table: "exchange_log_entries",
                column: "RequestId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_exchange_log_seals_ToSequence",
                table: "exchange_log_seals",
                column: "ToSequence",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "exchange_keys");

            migrationBuilder.DropTable(
                name: "exchange_log_data_subjects");

            migrationBuilder.DropTable(
                name: "exchange_log_entries");

            migrationBuilder.DropTable(
                name: "exchange_log_seals");
        }
    }
}
