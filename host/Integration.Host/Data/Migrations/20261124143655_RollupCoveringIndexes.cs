using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Integration.Host.Data.Migrations
{
    /// <inheritdoc />
    internal partial class RollupCoveringIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_core_follow_ups_TenantId_State_DueOn",
                table: "core_follow_ups");

            migrationBuilder.DropIndex(
                name: "IX_core_enrolments_TenantId_ProgrammeId_ModuleId_Status",
                table: "core_enrolments");

            migrationBuilder.CreateIndex(
                name: "IX_core_outcomes_TenantId_Type_ParticipantId_Date",
                table: "core_outcomes",
                columns: new[] { "TenantId", "Type", "ParticipantId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_core_follow_ups_TenantId_State_DueOn",
                table: "core_follow_ups",
                columns: new[] { "TenantId", "State", "DueOn", "EnrolmentId", "ParticipantId" });

            migrationBuilder.CreateIndex(
                name: "IX_core_enrolments_TenantId_ProgrammeId_ModuleId_Status",
                table: "core_enrolments",
                columns: new[] { "TenantId", "ProgrammeId", "ModuleId", "Status", "ParticipantId", "StartDate", "ExitDate", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_core_outcomes_TenantId_Type_ParticipantId_Date",
                table: "core_outcomes");

            migrationBuilder.DropIndex(
                name: "IX_core_follow_ups_TenantId_State_DueOn",
                table: "core_follow_ups");

            migrationBuilder.DropIndex(
                name: "IX_core_enrolments_TenantId_ProgrammeId_ModuleId_Status",
                table: "core_enrolments");

            migrationBuilder.CreateIndex(
                name: "IX_core_follow_ups_TenantId_State_DueOn",
                table: "core_follow_ups",
                columns: new[] { "TenantId", "State", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_core_enrolments_TenantId_ProgrammeId_ModuleId_Status",
                table: "core_enrolments",
                columns: new[] { "TenantId", "ProgrammeId", "ModuleId", "Status" });
        }
    }
}
