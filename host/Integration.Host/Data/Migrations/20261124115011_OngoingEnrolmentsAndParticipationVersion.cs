using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Integration.Host.Data.Migrations
{
    /// <inheritdoc />
    internal partial class OngoingEnrolmentsAndParticipationVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "Version",
                table: "core_participations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateIndex(
                name: "IX_core_enrolments_one_ongoing",
                table: "core_enrolments",
                columns: new[] { "TenantId", "ParticipantId", "ProgrammeId", "ModuleId" },
                unique: true,
                filter: "\"Status\" <> 'Exited'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_core_enrolments_one_ongoing",
                table: "core_enrolments");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "core_participations");
        }
    }
}
