using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatCrm.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ErasureStatusToken : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "StatusTokenHash",
                table: "ErasureRequests",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ErasureRequests_StatusTokenHash",
                table: "ErasureRequests",
                column: "StatusTokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ErasureRequests_StatusTokenHash",
                table: "ErasureRequests");

            migrationBuilder.DropColumn(
                name: "StatusTokenHash",
                table: "ErasureRequests");
        }
    }
}
