using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Integration.Host.Data.Migrations
{
    /// <inheritdoc />
    internal partial class NameIndexSortKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_core_participant_names_TenantId_Token_ParticipantId",
                table: "core_participant_names");

            migrationBuilder.AddColumn<string>(
                name: "SortKey",
                table: "core_participant_names",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_core_participant_names_TenantId_Token_SortKey_ParticipantId",
                table: "core_participant_names",
                columns: new[] { "TenantId", "Token", "SortKey", "ParticipantId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_core_participant_names_TenantId_Token_SortKey_ParticipantId",
                table: "core_participant_names");

            migrationBuilder.DropColumn(
                name: "SortKey",
                table: "core_participant_names");

            migrationBuilder.CreateIndex(
                name: "IX_core_participant_names_TenantId_Token_ParticipantId",
                table: "core_participant_names",
                columns: new[] { "TenantId", "Token", "ParticipantId" });
        }
    }
}
