using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Integration.Host.Data.Migrations
{
    /// <inheritdoc />
    internal partial class FollowUps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "core_follow_up_batches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Request = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Matched = table.Column<int>(type: "INTEGER", nullable: false),
                    Created = table.Column<int>(type: "INTEGER", nullable: false),
                    SkippedConsentWithdrawn = table.Column<int>(type: "INTEGER", nullable: false),
                    SkippedNoExitDate = table.Column<int>(type: "INTEGER", nullable: false),
                    SkippedAlreadyScheduled = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_follow_up_batches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "core_follow_up_policy_settings",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PolicyId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    Offsets = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RepeatEvery = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    UpdatedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_follow_up_policy_settings", x => new { x.TenantId, x.PolicyId });
                });

            migrationBuilder.CreateTable(
                name: "core_follow_ups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ParticipantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ModuleId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    PolicyId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SubjectId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    BatchId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AssigneeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    HoldReason = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    OverdueAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Reached = table.Column<bool>(type: "INTEGER", nullable: true),
                    OutcomeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    CancelReason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ClaimToken = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_follow_ups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_core_follow_ups_core_enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "core_enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_core_follow_ups_core_participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "core_participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "core_notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FollowUpId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    RecipientId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FollowUpKind = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Delivery = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ReadAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_core_notifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_core_notifications_core_follow_ups_FollowUpId",
                        column: x => x.FollowUpId,
                        principalTable: "core_follow_ups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_core_follow_up_batches_TenantId_IdempotencyKey",
                table: "core_follow_up_batches",
                columns: new[] { "TenantId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_core_follow_ups_ClaimToken",
                table: "core_follow_ups",
                column: "ClaimToken");

            migrationBuilder.CreateIndex(
                name: "IX_core_follow_ups_EnrolmentId",
                table: "core_follow_ups",
                column: "EnrolmentId");

            migrationBuilder.CreateIndex(
                name: "IX_core_follow_ups_ParticipantId",
                table: "core_follow_ups",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_core_follow_ups_State_DueOn",
                table: "core_follow_ups",
                columns: new[] { "State", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_core_follow_ups_TenantId_BatchId",
                table: "core_follow_ups",
                columns: new[] { "TenantId", "BatchId" });

            migrationBuilder.CreateIndex(
                name: "IX_core_follow_ups_TenantId_Key",
                table: "core_follow_ups",
                columns: new[] { "TenantId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_core_follow_ups_TenantId_ParticipantId",
                table: "core_follow_ups",
                columns: new[] { "TenantId", "ParticipantId" });

            migrationBuilder.CreateIndex(
                name: "IX_core_follow_ups_TenantId_PolicyId_SubjectId",
                table: "core_follow_ups",
                columns: new[] { "TenantId", "PolicyId", "SubjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_core_follow_ups_TenantId_State_DueOn",
                table: "core_follow_ups",
                columns: new[] { "TenantId", "State", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_core_notifications_Delivery",
                table: "core_notifications",
                column: "Delivery");

            migrationBuilder.CreateIndex(
                name: "IX_core_notifications_FollowUpId_Kind",
                table: "core_notifications",
                columns: new[] { "FollowUpId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_core_notifications_TenantId_RecipientId_CreatedAt",
                table: "core_notifications",
                columns: new[] { "TenantId", "RecipientId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "core_follow_up_batches");

            migrationBuilder.DropTable(
                name: "core_follow_up_policy_settings");

            migrationBuilder.DropTable(
                name: "core_notifications");

            migrationBuilder.DropTable(
                name: "core_follow_ups");
        }
    }
}
