using System.Data.Common;
using System.Globalization;
using System.Text;
using ChatCrm.Domain.Orders;
using ChatCrm.Domain.Tiers;
using ChatCrm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace ChatCrm.Infrastructure.Tiers;

/// <summary>
/// The set-based statements of a recalculation, written once for every provider. Money and timestamps go through
/// the model's own type mappings, so SQLite's cents and UTC ticks (see <c>SqliteConventions</c>) are compared and
/// summed in the database exactly like PostgreSQL's numeric and timestamptz.
/// <para>
/// Conversion into the reporting currency happens in SQL with the configured rates. PostgreSQL and SQL Server
/// multiply decimals exactly and round the customer's sum to cents. On SQLite, amounts are integer cents and the
/// rates are sent as integer millionths, so the sum stays an exact integer and is rounded half up to cents by
/// integer division: no floating point anywhere (rates are taken to six decimals there).
/// </para>
/// </summary>
internal sealed class TierSql
{
    private const long RateScale = 1_000_000;

    private readonly ISqlGenerationHelper _sql;
    private readonly bool _sqlite;
    private readonly RelationalTypeMapping _moment;
    private readonly RelationalTypeMapping _money;

    public TierSql(CrmDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        _sql = db.GetService<ISqlGenerationHelper>();
        _sqlite = db.Database.IsSqlite();
        var order = db.Model.FindEntityType(typeof(Order)) ?? throw new InvalidOperationException("Orders are not in the model.");
        _moment = order.FindProperty(nameof(Order.PlacedAt))!.GetRelationalTypeMapping();
        _money = order.FindProperty(nameof(Order.Amount))!.GetRelationalTypeMapping();
    }

    /// <summary>
    /// One row per customer, most valuable first: id, previous tier (null before the first run), value in the
    /// window, orders in the window, last order, orders left out for want of a rate, and the grand total of values.
    /// </summary>
    public DbCommand Figures(DbConnection connection, ValueWindow window, ExchangeRates rates)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(rates);
        var command = connection.CreateCommand();
        AddWindow(command, window);
        var converted = new StringBuilder($"CASE o.{Q("Currency")}");
        var index = 0;
        foreach (var (currency, rate) in rates.Rates)
        {
            var code = $"currency{index}";
            var factor = $"rate{index}";
            index++;
            Add(command, code, currency);
            Add(command, factor, _sqlite ? (object)(long)decimal.Round(rate * RateScale, 0, MidpointRounding.AwayFromZero) : rate);
            converted.Append(CultureInfo.InvariantCulture, $" WHEN {P(code)} THEN o.{Q("Amount")} * {P(factor)}");
        }
        converted.Append(" END");

        var inWindow = $"o.{Q("PlacedAt")} >= {P("since")} AND o.{Q("PlacedAt")} <= {P("until")}";
        var sum = $"SUM(CASE WHEN {inWindow} THEN {converted} END)";
        var value = _sqlite ? $"(({sum}) + {RateScale / 2}) / {RateScale}" : $"ROUND({sum}, 2)";
        command.CommandText = $"""
            SELECT c.{Q("Id")}, v.{Q("Tier")} AS previous_tier,
                   COALESCE(a.customer_value, 0) AS customer_value,
                   COALESCE(a.orders_in_window, 0) AS orders_in_window,
                   a.last_order_at,
                   COALESCE(a.unconverted_orders, 0) AS unconverted_orders,
                   SUM(COALESCE(a.customer_value, 0)) OVER () AS grand_total
            FROM {Q("Customers")} AS c
            LEFT JOIN (
                SELECT o.{Q("CustomerId")} AS customer_id,
                       {value} AS customer_value,
                       SUM(CASE WHEN {inWindow} THEN 1 ELSE 0 END) AS orders_in_window,
                       SUM(CASE WHEN {inWindow} AND ({converted}) IS NULL THEN 1 ELSE 0 END) AS unconverted_orders,
                       MAX(CASE WHEN o.{Q("PlacedAt")} <= {P("until")} THEN o.{Q("PlacedAt")} END) AS last_order_at
                FROM {Q("Orders")} AS o
                GROUP BY o.{Q("CustomerId")}
            ) AS a ON a.customer_id = c.{Q("Id")}
            LEFT JOIN {Q("CustomerValues")} AS v ON v.{Q("CustomerId")} = c.{Q("Id")}
            ORDER BY customer_value DESC, c.{Q("Id")}
            """;
        return command;
    }

    /// <summary>
    /// Brings the needs table up to date in two set-based statements that touch only what changed: categories no
    /// longer bought in the window go, newly bought ones come. A daily run rewrites a few rows, not every one.
    /// </summary>
    public IReadOnlyList<DbCommand> UpdateNeeds(DbConnection connection, ValueWindow window)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var bought = $"""
            FROM {Q("Orders")} AS o
            JOIN {Q("Offers")} AS f ON f.{Q("ProductCode")} = o.{Q("ProductCode")}
            WHERE o.{Q("PlacedAt")} >= {P("since")} AND o.{Q("PlacedAt")} <= {P("until")}
            """;
        var delete = connection.CreateCommand();
        AddWindow(delete, window);
        delete.CommandText = $"""
            DELETE FROM {Q("CustomerNeeds")}
            WHERE NOT EXISTS (
                SELECT 1 {bought}
                AND o.{Q("CustomerId")} = {Q("CustomerNeeds")}.{Q("CustomerId")} AND f.{Q("Category")} = {Q("CustomerNeeds")}.{Q("Category")})
            """;
        var insert = connection.CreateCommand();
        AddWindow(insert, window);
        insert.CommandText = $"""
            INSERT INTO {Q("CustomerNeeds")} ({Q("CustomerId")}, {Q("Category")})
            SELECT DISTINCT o.{Q("CustomerId")}, f.{Q("Category")} {bought}
            AND NOT EXISTS (
                SELECT 1 FROM {Q("CustomerNeeds")} AS n
                WHERE n.{Q("CustomerId")} = o.{Q("CustomerId")} AND n.{Q("Category")} = f.{Q("Category")})
            """;
        return [delete, insert];
    }

    /// <summary>A money column of <see cref="Figures"/> as a decimal (SQLite gives integer cents).</summary>
    public decimal ReadMoney(DbDataReader reader, int ordinal)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var raw = reader.GetValue(ordinal);
        if (_money.Converter is { } converter)
            return (decimal)converter.ConvertFromProvider(Convert.ToInt64(raw, CultureInfo.InvariantCulture))!;
        return Convert.ToDecimal(raw, CultureInfo.InvariantCulture);
    }

    /// <summary>A timestamp column of <see cref="Figures"/> (SQLite gives UTC ticks), or null.</summary>
    public DateTimeOffset? ReadMoment(DbDataReader reader, int ordinal)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (reader.IsDBNull(ordinal))
            return null;
        if (_moment.Converter is { } converter)
            return (DateTimeOffset)converter.ConvertFromProvider(Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture))!;
        return reader.GetFieldValue<DateTimeOffset>(ordinal);
    }

    private void AddWindow(DbCommand command, ValueWindow window)
    {
        command.Parameters.Add(_moment.CreateParameter(command, _sql.GenerateParameterName("since"), window.Since, nullable: false));
        command.Parameters.Add(_moment.CreateParameter(command, _sql.GenerateParameterName("until"), window.Until, nullable: false));
    }

    private void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = _sql.GenerateParameterName(name);
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private string Q(string identifier) => _sql.DelimitIdentifier(identifier);

    private string P(string name) => _sql.GenerateParameterNamePlaceholder(name);
}
