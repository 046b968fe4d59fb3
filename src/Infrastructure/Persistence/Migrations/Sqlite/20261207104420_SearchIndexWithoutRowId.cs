using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatCrm.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <summary>
    /// SQLite only (ADR 0015): the word index and the pair index become <c>WITHOUT ROWID</c> tables, so a row is one
    /// entry in its primary key's B-tree instead of a table row plus a key entry. Same columns, keys, foreign keys and
    /// customer index; the model does not change, so PostgreSQL and SQL Server have nothing to migrate. EF Core cannot
    /// say <c>WITHOUT ROWID</c>: a later migration that rebuilds one of these tables must keep it (a test checks).
    /// </summary>
    public partial class SearchIndexWithoutRowId : Migration
    {
        private const string Terms = "CustomerSearchTerms";
        private const string Pairs = "CustomerSearchPairs";

        private const string TermColumns = """
            "Word" TEXT NOT NULL,
            "CustomerId" TEXT NOT NULL,
            "Version" INTEGER NOT NULL DEFAULT 0,
            CONSTRAINT "PK_CustomerSearchTerms" PRIMARY KEY ("Word", "CustomerId"),
            CONSTRAINT "FK_CustomerSearchTerms_Customers_CustomerId" FOREIGN KEY ("CustomerId") REFERENCES "Customers" ("Id") ON DELETE CASCADE
            """;

        private const string PairColumns = """
            "First" TEXT NOT NULL,
            "Second" TEXT NOT NULL,
            "CustomerId" TEXT NOT NULL,
            "Version" INTEGER NOT NULL DEFAULT 0,
            CONSTRAINT "PK_CustomerSearchPairs" PRIMARY KEY ("First", "Second", "CustomerId"),
            CONSTRAINT "FK_CustomerSearchPairs_Customers_CustomerId" FOREIGN KEY ("CustomerId") REFERENCES "Customers" ("Id") ON DELETE CASCADE
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            Rebuild(migrationBuilder, Terms, TermColumns, "\"Word\", \"CustomerId\", \"Version\"", "\"Word\", \"CustomerId\"", " WITHOUT ROWID");
            Rebuild(migrationBuilder, Pairs, PairColumns, "\"First\", \"Second\", \"CustomerId\", \"Version\"", "\"First\", \"Second\", \"CustomerId\"", " WITHOUT ROWID");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            Rebuild(migrationBuilder, Terms, TermColumns, "\"Word\", \"CustomerId\", \"Version\"", "\"Word\", \"CustomerId\"", string.Empty);
            Rebuild(migrationBuilder, Pairs, PairColumns, "\"First\", \"Second\", \"CustomerId\", \"Version\"", "\"First\", \"Second\", \"CustomerId\"", string.Empty);
        }

        /// <summary>
        /// Copies <paramref name="table"/> into a new table of the same columns (in key order, so the new B-tree is
        /// written front to back), swaps it in and recreates the customer index. Nothing refers to these tables.
        /// </summary>
        private static void Rebuild(MigrationBuilder migrationBuilder, string table, string columns, string columnList, string key, string options)
        {
            var copy = $"ef_temp_{table}";
            migrationBuilder.Sql($"CREATE TABLE \"{copy}\" (\n{columns}\n){options};");
            migrationBuilder.Sql($"INSERT INTO \"{copy}\" ({columnList}) SELECT {columnList} FROM \"{table}\" ORDER BY {key};");
            migrationBuilder.Sql($"DROP TABLE \"{table}\";");
            migrationBuilder.Sql($"ALTER TABLE \"{copy}\" RENAME TO \"{table}\";");
            migrationBuilder.Sql($"CREATE INDEX \"IX_{table}_CustomerId\" ON \"{table}\" (\"CustomerId\");");
        }
    }
}
