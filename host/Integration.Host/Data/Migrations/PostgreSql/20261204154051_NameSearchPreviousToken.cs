using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Integration.Host.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class NameSearchPreviousToken : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_core_participant_names_TenantId_Token_SortKey_ParticipantId",
                table: "core_participant_names");

            migrationBuilder.AddColumn<string>(
                name: "PreviousToken",
                table: "core_participant_names",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            // The rows already in the index get the participant's previous word (the same SQL on both providers).
            migrationBuilder.Sql("""
                UPDATE "core_participant_names" SET "PreviousToken" = (
                    SELECT MAX(m."Token") FROM "core_participant_names" AS m
                    WHERE m."ParticipantId" = "core_participant_names"."ParticipantId" AND m."Token" < "core_participant_names"."Token")
                """);

            migrationBuilder.CreateIndex(
                name: "IX_core_participant_names_search",
                table: "core_participant_names",
                columns: new[] { "TenantId", "Token", "SortKey", "ParticipantId", "PreviousToken" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_core_participant_names_search",
                table: "core_participant_names");

            migrationBuilder.DropColumn(
                name: "PreviousToken",
                table: "core_participant_names");

            migrationBuilder.CreateIndex(
                name: "IX_core_participant_names_TenantId_Token_SortKey_ParticipantId",
                table: "core_participant_names",
                columns: new[] { "TenantId", "Token", "SortKey", "ParticipantId" });
        }
    }
}
