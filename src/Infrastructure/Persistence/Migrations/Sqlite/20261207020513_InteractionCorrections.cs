using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatCrm.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InteractionCorrections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Interactions_OpenFollowUps",
                table: "Interactions");

            migrationBuilder.AddColumn<Guid>(
                name: "AmendmentOf",
                table: "Interactions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "State",
                table: "Interactions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "StateChangedAt",
                table: "Interactions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Interactions_OpenFollowUps",
                table: "Interactions",
                columns: new[] { "FollowUpOn", "CustomerId", "OccurredAt", "RecordedAt" },
                filter: "\"FollowUpOn\" IS NOT NULL AND \"State\" = 0");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Interactions_OpenFollowUps",
                table: "Interactions");

            migrationBuilder.DropColumn(
                name: "AmendmentOf",
                table: "Interactions");

            migrationBuilder.DropColumn(
                name: "State",
                table: "Interactions");

            migrationBuilder.DropColumn(
                name: "StateChangedAt",
                table: "Interactions");

            migrationBuilder.CreateIndex(
                name: "IX_Interactions_OpenFollowUps",
                table: "Interactions",
                columns: new[] { "FollowUpOn", "CustomerId", "OccurredAt", "RecordedAt" },
                filter: "\"FollowUpOn\" IS NOT NULL");
        }
    }
}
