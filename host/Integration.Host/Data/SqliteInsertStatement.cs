using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Integration.Host.Data;

/// <summary>
/// An <c>INSERT</c> of one row (or of a few) prepared once on a SQLite connection and run again and again, its values
/// bound by position straight through SQLite's C interface (the SQLite half of <see cref="BulkInsert{T}"/>).
/// </summary>
/// <remarks>
/// Why not SQL text or Microsoft.Data.Sqlite parameters: SQLite spends most of a multi-row <c>VALUES</c> insert parsing
/// the literals (an import's 100 000 participants took 1.2 s as literals, 0.7–0.8 s bound), and Microsoft.Data.Sqlite
/// looks each parameter up by name and wraps every run in a data reader. A test compares rows written this way with
/// EF Core's, column by column.
/// </remarks>
internal sealed class SqliteInsertStatement : SqliteStatement
{
    private SqliteInsertStatement(SqliteConnection connection, string sql)
        : base(connection, sql)
    {
    }

    /// <summary>An insert of <paramref name="rows"/> rows at a time, their values bound row after row from parameter 1.</summary>
    public static SqliteInsertStatement Prepare(SqliteConnection connection, string table, IReadOnlyList<string> columns, int rows = 1)
    {
        var sql = new StringBuilder("INSERT INTO \"").Append(table).Append("\" (")
            .AppendJoin(", ", columns.Select(c => $"\"{c}\""))
            .Append(") VALUES ");
        for (var row = 0; row < rows; row++)
        {
            sql.Append(row == 0 ? "(" : ", (")
                .AppendJoin(", ", columns.Select((_, i) => $"?{(row * columns.Count) + i + 1}"))
                .Append(')');
        }

        return new(connection, sql.ToString());
    }

    /// <summary>Inserts the bound rows and clears the statement for the next ones.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Run()
    {
        var rc = Step();
        if (rc != raw.SQLITE_DONE)
        {
            throw Failed(rc);
        }

        Reset();
    }
}
