using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatCrm.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OfferEngine : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Countries",
                table: "Offers",
                type: "TEXT",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "MinimumTier",
                table: "Offers",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "OfferModelVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TrainedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    TrainingRows = table.Column<int>(type: "INTEGER", nullable: false),
                    AcceptedRows = table.Column<int>(type: "INTEGER", nullable: false),
                    HeldOutAuc = table.Column<double>(type: "REAL", nullable: false),
                    HeldOutPrecisionAt3 = table.Column<double>(type: "REAL", nullable: false),
                    FeatureSchema = table.Column<int>(type: "INTEGER", nullable: false),
                    Model = table.Column<byte[]>(type: "BLOB", nullable: false),
                    AcceptanceShares = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false, defaultValue: 0L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OfferModelVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OfferPresentations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OfferId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PresentedTo = table.Column<Guid>(type: "TEXT", nullable: false),
                    PresentedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ChatChannel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ContactChannel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RankedBy = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ModelVersionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Response = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AnsweredBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false, defaultValue: 0L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OfferPresentations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OfferPresentations_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OfferPresentations_Offers_OfferId",
                        column: x => x.OfferId,
                        principalTable: "Offers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OfferAnswers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PresentationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Response = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AnsweredBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Replaced = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false, defaultValue: 0L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OfferAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OfferAnswers_OfferPresentations_PresentationId",
                        column: x => x.PresentationId,
                        principalTable: "OfferPresentations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OfferAnswers_PresentationId_AnsweredAt",
                table: "OfferAnswers",
                columns: new[] { "PresentationId", "AnsweredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OfferModelVersions_TrainedAt",
                table: "OfferModelVersions",
                column: "TrainedAt");

            migrationBuilder.CreateIndex(
                name: "IX_OfferPresentations_AnsweredAt",
                table: "OfferPresentations",
                column: "AnsweredAt");

            migrationBuilder.CreateIndex(
                name: "IX_OfferPresentations_CustomerId_OfferId_AnsweredAt",
                table: "OfferPresentations",
                columns: new[] { "CustomerId", "OfferId", "AnsweredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OfferPresentations_OfferId",
                table: "OfferPresentations",
                column: "OfferId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OfferAnswers");

            migrationBuilder.DropTable(
                name: "OfferModelVersions");

            migrationBuilder.DropTable(
                name: "OfferPresentations");

            migrationBuilder.DropColumn(
                name: "Countries",
                table: "Offers");

            migrationBuilder.DropColumn(
                name: "MinimumTier",
                table: "Offers");
        }
    }
}
