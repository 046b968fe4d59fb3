using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatCrm.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FollowUpOwner : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "FollowUpOwner",
                table: "Interactions",
                type: "uuid",
                nullable: true);

            // Every follow-up promised so far is its author's to keep, as it was before hand-over could move it.
            migrationBuilder.Sql("UPDATE \"Interactions\" SET \"FollowUpOwner\" = \"LoggedBy\" WHERE \"FollowUpOn\" IS NOT NULL;");

            migrationBuilder.CreateIndex(
                name: "IX_Interactions_FollowUpOwner_FollowUpOn",
                table: "Interactions",
                columns: new[] { "FollowUpOwner", "FollowUpOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Interactions_FollowUpOwner_FollowUpOn",
                table: "Interactions");

            migrationBuilder.DropColumn(
                name: "FollowUpOwner",
                table: "Interactions");
        }
    }
}
