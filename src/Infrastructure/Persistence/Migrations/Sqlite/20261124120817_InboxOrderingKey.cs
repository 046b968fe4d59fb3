using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatCrm.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InboxOrderingKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OrderingKey",
                table: "InboxItems",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_InboxItems_OrderingKey_Status",
                table: "InboxItems",
                columns: new[] { "OrderingKey", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_InboxItems_OrderingKey_Status",
                table: "InboxItems");

            migrationBuilder.DropColumn(
                name: "OrderingKey",
                table: "InboxItems");
        }
    }
}
