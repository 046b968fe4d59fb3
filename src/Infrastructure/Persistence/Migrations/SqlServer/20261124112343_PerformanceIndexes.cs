using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatCrm.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PerformanceIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Interactions_CustomerId_OccurredAt",
                table: "Interactions");

            migrationBuilder.CreateIndex(
                name: "IX_OfferPresentations_PresentedTo_PresentedAt",
                table: "OfferPresentations",
                columns: new[] { "PresentedTo", "PresentedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Interactions_CustomerId_OccurredAt_RecordedAt",
                table: "Interactions",
                columns: new[] { "CustomerId", "OccurredAt", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Interactions_LoggedBy_RecordedAt_Channel",
                table: "Interactions",
                columns: new[] { "LoggedBy", "RecordedAt", "Channel" });

            migrationBuilder.CreateIndex(
                name: "IX_Interactions_OpenFollowUps",
                table: "Interactions",
                columns: new[] { "FollowUpOn", "CustomerId", "OccurredAt", "RecordedAt" },
                filter: "\"FollowUpOn\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OfferPresentations_PresentedTo_PresentedAt",
                table: "OfferPresentations");

            migrationBuilder.DropIndex(
                name: "IX_Interactions_CustomerId_OccurredAt_RecordedAt",
                table: "Interactions");

            migrationBuilder.DropIndex(
                name: "IX_Interactions_LoggedBy_RecordedAt_Channel",
                table: "Interactions");

            migrationBuilder.DropIndex(
                name: "IX_Interactions_OpenFollowUps",
                table: "Interactions");

            migrationBuilder.CreateIndex(
                name: "IX_Interactions_CustomerId_OccurredAt",
                table: "Interactions",
                columns: new[] { "CustomerId", "OccurredAt" });
        }
    }
}
