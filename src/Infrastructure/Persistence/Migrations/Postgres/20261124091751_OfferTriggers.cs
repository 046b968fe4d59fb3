using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatCrm.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OfferTriggers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "QueuedOfferSuggestions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Trigger = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReasonEnglish = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    ReasonSpanish = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DismissedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DismissedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QueuedOfferSuggestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QueuedOfferSuggestions_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_QueuedOfferSuggestions_CustomerId_Trigger",
                table: "QueuedOfferSuggestions",
                columns: new[] { "CustomerId", "Trigger" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QueuedOfferSuggestions_DismissedAt",
                table: "QueuedOfferSuggestions",
                column: "DismissedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "QueuedOfferSuggestions");
        }
    }
}
