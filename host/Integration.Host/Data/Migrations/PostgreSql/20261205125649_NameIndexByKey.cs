using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Integration.Host.Data.Migrations.PostgreSql
{
    /// <summary>The name index keyed by the search's order, and no longer indexed by participant (see <see cref="Participants.ParticipantName"/>).</summary>
    internal partial class NameIndexByKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_core_participant_names",
                table: "core_participant_names");

            migrationBuilder.DropIndex(
                name: "IX_core_participant_names_ParticipantId",
                table: "core_participant_names");

            migrationBuilder.DropIndex(
                name: "IX_core_participant_names_search",
                table: "core_participant_names");

            migrationBuilder.DropColumn(
                name: "Id",
                table: "core_participant_names");

            // A participant's words are distinct, so no two rows share the new key; should old rows repeat one, they
            // repeat the same search entry and one is kept.
            migrationBuilder.Sql("""
                DELETE FROM "core_participant_names" a USING "core_participant_names" b
                WHERE a.ctid < b.ctid AND a."TenantId" = b."TenantId" AND a."Token" = b."Token" AND a."SortKey" = b."SortKey" AND a."ParticipantId" = b."ParticipantId";
                """);

            migrationBuilder.AddPrimaryKey(
                name: "PK_core_participant_names",
                table: "core_participant_names",
                columns: new[] { "TenantId", "Token", "SortKey", "ParticipantId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_core_participant_names",
                table: "core_participant_names");

            migrationBuilder.AddColumn<long>(
                name: "Id",
                table: "core_participant_names",
                type: "bigint",
                nullable: false,
                defaultValue: 0L)
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

            migrationBuilder.AddPrimaryKey(
                name: "PK_core_participant_names",
                table: "core_participant_names",
                column: "Id");

            migrationBuilder.CreateIndex(
                name: "IX_core_participant_names_ParticipantId",
                table: "core_participant_names",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_core_participant_names_search",
                table: "core_participant_names",
                columns: new[] { "TenantId", "Token", "SortKey", "ParticipantId", "PreviousToken" });
        }
    }
}
