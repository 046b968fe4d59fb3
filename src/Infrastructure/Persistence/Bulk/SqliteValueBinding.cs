using System.Globalization;
using SQLitePCL;

namespace ChatCrm.Infrastructure.Persistence.Bulk;

/// <summary>
/// Binds a provider value to a SQLite statement by position, storing it exactly as Microsoft.Data.Sqlite stores a
/// parameter of that type (what EF Core writes and reads back): text as text, integers, booleans and enums as
/// integers, floating point as real, a <see cref="Guid"/> as upper-case text. Only those types are bound here; a
/// table with any other column type is written the usual way (<see cref="Supports"/>).
/// </summary>
internal static class SqliteValueBinding
{
    private static readonly HashSet<Type> IntegerTypes =
        [typeof(long), typeof(int), typeof(short), typeof(byte), typeof(sbyte), typeof(ushort), typeof(uint), typeof(bool)];

    /// <summary>True when values of <paramref name="providerType"/> (not nullable) are bound here as the driver would.</summary>
    public static bool Supports(Type providerType) =>
        providerType == typeof(string) || providerType == typeof(Guid) || providerType == typeof(double) || providerType == typeof(float)
        || providerType.IsEnum || IntegerTypes.Contains(providerType);

    /// <summary>Binds <paramref name="value"/> (<see cref="DBNull"/> for null) to parameter <paramref name="index"/> (1-based); SQLite's result code.</summary>
    public static int Bind(sqlite3_stmt statement, int index, object value) => value switch
    {
        DBNull => raw.sqlite3_bind_null(statement, index),
        string text => raw.sqlite3_bind_text16(statement, index, text.AsSpan()),
        Guid guid => BindGuid(statement, index, guid),
        long number => raw.sqlite3_bind_int64(statement, index, number),
        int number => raw.sqlite3_bind_int64(statement, index, number),
        bool flag => raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0),
        double real => raw.sqlite3_bind_double(statement, index, real),
        float real => raw.sqlite3_bind_double(statement, index, real),
        Enum choice => raw.sqlite3_bind_int64(statement, index, Convert.ToInt64(choice, CultureInfo.InvariantCulture)),
        _ => raw.sqlite3_bind_int64(statement, index, Convert.ToInt64(value, CultureInfo.InvariantCulture)),
    };

    /// <summary>
    /// Upper-case "D" text, as Microsoft.Data.Sqlite writes a Guid parameter, formatted as UTF-8 (the database's
    /// encoding, so SQLite stores the bytes as they are instead of converting UTF-16) without allocating.
    /// </summary>
    private static int BindGuid(sqlite3_stmt statement, int index, Guid guid)
    {
        Span<byte> text = stackalloc byte[36];
        guid.TryFormat(text, out _, "D");
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is >= (byte)'a' and <= (byte)'f')
                text[i] -= 'a' - 'A';
        }
        return raw.sqlite3_bind_text(statement, index, text);
    }
}
