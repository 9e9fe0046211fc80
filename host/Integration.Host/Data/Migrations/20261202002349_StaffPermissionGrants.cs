using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Integration.Host.Data.Migrations
{
    /// <inheritdoc />
    internal partial class StaffPermissionGrants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "core_staff_permission_grants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Permission = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    GrantedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    GrantedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RevokedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_staff_permission_grants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_core_staff_permission_grants_core_users_UserId",
                        column: x => x.UserId,
                        principalTable: "core_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_core_staff_permission_grants_one_in_force",
                table: "core_staff_permission_grants",
                columns: new[] { "TenantId", "UserId", "Permission" },
                unique: true,
                filter: "\"RevokedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_core_staff_permission_grants_TenantId_UserId_RevokedAt",
                table: "core_staff_permission_grants",
                columns: new[] { "TenantId", "UserId", "RevokedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_core_staff_permission_grants_UserId",
                table: "core_staff_permission_grants",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "core_staff_permission_grants");
        }
    }
}
