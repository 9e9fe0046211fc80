using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Integration.Host.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class WorklistCoveringIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_core_follow_ups_TenantId_State_AssigneeId_DueOn",
                table: "core_follow_ups");

            migrationBuilder.CreateIndex(
                name: "IX_core_follow_ups_TenantId_State_AssigneeId_DueOn",
                table: "core_follow_ups",
                columns: new[] { "TenantId", "State", "AssigneeId", "DueOn", "OverdueAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_core_follow_ups_TenantId_State_AssigneeId_DueOn",
                table: "core_follow_ups");

            migrationBuilder.CreateIndex(
                name: "IX_core_follow_ups_TenantId_State_AssigneeId_DueOn",
                table: "core_follow_ups",
                columns: new[] { "TenantId", "State", "AssigneeId", "DueOn" });
        }
    }
}
