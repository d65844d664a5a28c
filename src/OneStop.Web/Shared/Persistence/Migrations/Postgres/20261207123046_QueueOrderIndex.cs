using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneStop.Web.Shared.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class QueueOrderIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_applications_DueAt",
                table: "applications");

            migrationBuilder.CreateIndex(
                name: "IX_applications_DueAt_SubmittedAt_Code",
                table: "applications",
                columns: new[] { "DueAt", "SubmittedAt", "Code" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_applications_DueAt_SubmittedAt_Code",
                table: "applications");

            migrationBuilder.CreateIndex(
                name: "IX_applications_DueAt",
                table: "applications",
                column: "DueAt");
        }
    }
}
