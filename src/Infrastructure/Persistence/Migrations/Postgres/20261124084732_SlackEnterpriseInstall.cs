using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatCrm.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SlackEnterpriseInstall : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsEnterpriseInstall",
                table: "SlackInstallations",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_SlackInstallations_EnterpriseId",
                table: "SlackInstallations",
                column: "EnterpriseId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SlackInstallations_EnterpriseId",
                table: "SlackInstallations");

            migrationBuilder.DropColumn(
                name: "IsEnterpriseInstall",
                table: "SlackInstallations");
        }
    }
}
