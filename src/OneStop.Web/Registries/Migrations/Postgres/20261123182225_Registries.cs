using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Web.Registries.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Registries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "civil_status_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    ProvinceCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    CommuneCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    PersonId = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    SpouseId = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    FatherId = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    MotherId = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    BookReference = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_civil_status_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "enterprise_enterprises",
                columns: table => new
                {
                    TaxCode = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    ParentTaxCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProvinceCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    CommuneCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    Street = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    LegalRepresentativeId = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    RegisteredOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enterprise_enterprises", x => x.TaxCode);
                });

            migrationBuilder.CreateTable(
                name: "judicial_convictions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    PersonId = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Court = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    JudgmentNumber = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    JudgmentDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Offence = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: false),
                    Sentence = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    SentenceCompletedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Expunged = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_judicial_convictions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "land_parcel_owners",
                columns: table => new
                {
                    ParcelId = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    OwnerId = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_land_parcel_owners", x => new { x.ParcelId, x.OwnerId });
                });

            migrationBuilder.CreateTable(
                name: "land_parcels",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    ProvinceCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    CommuneCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    MapSheet = table.Column<int>(type: "integer", nullable: false),
                    ParcelNumber = table.Column<int>(type: "integer", nullable: false),
                    AreaSquareMetres = table.Column<double>(type: "double precision", nullable: false),
                    LandUse = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CertificateNumber = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    CertificateIssuedOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_land_parcels", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "population_households",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    HeadId = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    ProvinceCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    CommuneCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    Street = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    OldProvinceCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    OldDistrictCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    OldCommuneCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_population_households", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "population_people",
                columns: table => new
                {
                    PersonalIdNumber = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    FullName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "date", nullable: false),
                    Sex = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Ethnicity = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    PermanentProvinceCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    PermanentCommuneCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    PermanentStreet = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    PermanentOldProvinceCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    PermanentOldDistrictCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    PermanentOldCommuneCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    TemporaryProvinceCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    TemporaryCommuneCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    TemporaryStreet = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    TemporaryOldProvinceCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    TemporaryOldDistrictCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    TemporaryOldCommuneCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    HouseholdId = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    RelationToHead = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    FatherId = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    MotherId = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    DateOfDeath = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_population_people", x => x.PersonalIdNumber);
                });

            migrationBuilder.CreateTable(
                name: "registry_keys",
                columns: table => new
                {
                    Registry = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PrivateKeyPem = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registry_keys", x => x.Registry);
                });

            migrationBuilder.CreateIndex(
                name: "IX_civil_status_events_FatherId",
                table: "civil_status_events",
                column: "FatherId");

            migrationBuilder.CreateIndex(
                name: "IX_civil_status_events_MotherId",
                table: "civil_status_events",
                column: "MotherId");

            migrationBuilder.CreateIndex(
                name: "IX_civil_status_events_PersonId",
                table: "civil_status_events",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_civil_status_events_SpouseId",
                table: "civil_status_events",
                column: "SpouseId");

            migrationBuilder.CreateIndex(
                name: "IX_enterprise_enterprises_LegalRepresentativeId",
                table: "enterprise_enterprises",
                column: "LegalRepresentativeId");

            migrationBuilder.CreateIndex(
                name: "IX_judicial_convictions_PersonId",
                table: "judicial_convictions",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_land_parcel_owners_OwnerId",
                table: "land_parcel_owners",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_population_people_HouseholdId",
                table: "population_people",
                column: "HouseholdId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "civil_status_events");

            migrationBuilder.DropTable(
                name: "enterprise_enterprises");

            migrationBuilder.DropTable(
                name: "judicial_convictions");

            migrationBuilder.DropTable(
                name: "land_parcel_owners");

            migrationBuilder.DropTable(
                name: "land_parcels");

            migrationBuilder.DropTable(
                name: "population_households");

            migrationBuilder.DropTable(
                name: "population_people");

            migrationBuilder.DropTable(
                name: "registry_keys");
        }
    }
}
