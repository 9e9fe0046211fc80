using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Integration.Host.Data;

/// <summary>
/// The current row of a query that <see cref="QueryRows"/> reads, by column ordinal: the getters of a data reader that a
/// hand-written map needs, so that the same map runs on a data reader (PostgreSQL) and on SQLite's own interface.
/// </summary>
internal abstract class QueryRow : IAsyncDisposable
{
    public abstract int FieldCount { get; }

    /// <summary>Moves to the next row; false once there is none.</summary>
    public abstract ValueTask<bool> ReadAsync(CancellationToken ct);

    public abstract string GetName(int ordinal);

    public abstract bool IsDBNull(int ordinal);

    public abstract int GetInt32(int ordinal);

    public abstract bool GetBoolean(int ordinal);

    public abstract Guid GetGuid(int ordinal);

    public abstract string GetString(int ordinal);

    /// <summary>A text value as characters: in <paramref name="scratch"/> when it fits there, without a string.</summary>
    public virtual ReadOnlySpan<char> GetChars(int ordinal, Span<char> scratch) => GetString(ordinal);

    /// <summary>Ends the query (its reader or statement).</summary>
    public abstract ValueTask DisposeAsync();

    /// <summary>The row of a data reader (every provider but SQLite).</summary>
    public sealed class OfDataReader(DbDataReader reader) : QueryRow
    {
        public override int FieldCount => reader.FieldCount;

        public override async ValueTask<bool> ReadAsync(CancellationToken ct) => await reader.ReadAsync(ct);

        public override ValueTask DisposeAsync() => reader.DisposeAsync();

        public override string GetName(int ordinal) => reader.GetName(ordinal);

        public override bool IsDBNull(int ordinal) => reader.IsDBNull(ordinal);

        public override int GetInt32(int ordinal) => reader.GetInt32(ordinal);

        public override bool GetBoolean(int ordinal) => reader.GetBoolean(ordinal);

        public override Guid GetGuid(int ordinal) => reader.GetGuid(ordinal);

        public override string GetString(int ordinal) => reader.GetString(ordinal);
    }

    /// <summary>
    /// The row of a SQLite statement, read as Microsoft.Data.Sqlite reads it (integers as 64 bits, booleans as integers,
    /// ids as text or 16-byte blobs), and failing as it does on a NULL where a value is expected.
    /// </summary>
    public sealed class OfSqlite(SqliteSelectStatement statement) : QueryRow
    {
        private const int GuidTextLength = 36;

        public override int FieldCount => statement.ColumnCount;

        // SQLite's calls run synchronously whichever way they are made; the caller reads on a pool thread.
        public override ValueTask<bool> ReadAsync(CancellationToken ct)
        {
            ct.ThrowIfCancellationRequested();
            return ValueTask.FromResult(statement.Read());
        }

        public override ValueTask DisposeAsync()
        {
            statement.Dispose();
            return ValueTask.CompletedTask;
        }

        public override string GetName(int ordinal) => statement.ColumnName(ordinal);

        public override bool IsDBNull(int ordinal) => statement.Type(ordinal) == SQLitePCL.raw.SQLITE_NULL;

        public override int GetInt32(int ordinal) => checked((int)Int64(ordinal));

        public override bool GetBoolean(int ordinal) => Int64(ordinal) != 0;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public override Guid GetGuid(int ordinal)
        {
            var type = NotNull(ordinal);
            var bytes = statement.Bytes(ordinal, type);
            if (type == SQLitePCL.raw.SQLITE_BLOB && bytes.Length == 16)
            {
                return new Guid(bytes);
            }

            // The text form EF Core stores ("D", 36 characters), parsed from SQLite's own bytes without a string.
            Span<char> chars = stackalloc char[GuidTextLength];
            return bytes.Length == GuidTextLength && System.Text.Ascii.ToUtf16(bytes, chars, out _) == System.Buffers.OperationStatus.Done
                && Guid.TryParseExact(chars, "D", out var id)
                ? id
                : Guid.Parse(Encoding.UTF8.GetString(bytes), CultureInfo.InvariantCulture);
        }

        public override string GetString(int ordinal) => Encoding.UTF8.GetString(statement.Bytes(ordinal, NotNull(ordinal)));

        public override ReadOnlySpan<char> GetChars(int ordinal, Span<char> scratch)
        {
            var bytes = statement.Bytes(ordinal, NotNull(ordinal));
            return Encoding.UTF8.TryGetChars(bytes, scratch, out var written) ? scratch[..written] : Encoding.UTF8.GetString(bytes);
        }

        private long Int64(int ordinal)
        {
            NotNull(ordinal);
            return statement.Int64(ordinal);
        }

        /// <summary>The value's storage class, asked once per value; a NULL fails as Microsoft.Data.Sqlite's getters do.</summary>
        private int NotNull(int ordinal)
        {
            var type = statement.Type(ordinal);
            return type != SQLitePCL.raw.SQLITE_NULL
                ? type
                : throw new InvalidOperationException($"The value of column {ordinal} ({statement.ColumnName(ordinal)}) is NULL; read it with IsDBNull first.");
        }
    }
}
