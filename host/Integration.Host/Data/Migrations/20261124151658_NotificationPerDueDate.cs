using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Integration.Host.Data.Migrations
{
    /// <inheritdoc />
    internal partial class NotificationPerDueDate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_core_notifications_FollowUpId_Kind",
                table: "core_notifications");

            migrationBuilder.CreateIndex(
                name: "IX_core_notifications_FollowUpId_Kind_DueOn",
                table: "core_notifications",
                columns: new[] { "FollowUpId", "Kind", "DueOn" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_core_notifications_FollowUpId_Kind_DueOn",
                table: "core_notifications");

            migrationBuilder.CreateIndex(
                name: "IX_core_notifications_FollowUpId_Kind",
                table: "core_notifications",
                columns: new[] { "FollowUpId", "Kind" },
                unique: true);
        }
    }
}
