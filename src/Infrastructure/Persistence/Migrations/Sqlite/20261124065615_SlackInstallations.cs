using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatCrm.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SlackInstallations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SlackInstallations",
                columns: table => new
                {
                    TeamId = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    EnterpriseId = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    AppId = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    BotUserId = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Scopes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ProtectedBotToken = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ProtectedRefreshToken = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    BotTokenExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    InstalledAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RetiredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RetiredReason = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false, defaultValue: 0L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlackInstallations", x => x.TeamId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SlackInstallations");
        }
    }
}
