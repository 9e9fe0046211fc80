using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Integration.Host.Data;

/// <summary>
/// The current row of a query that <see cref="QueryRows"/> reads, by column ordinal: the getters of a data reader that a
/// hand-written map needs, so that the same map runs on a data reader (PostgreSQL) and on SQLite's own interface.
/// </summary>
internal abstract class QueryRow
{
    public abstract int FieldCount { get; }

    public abstract string GetName(int ordinal);

    public abstract bool IsDBNull(int ordinal);

    public abstract int GetInt32(int ordinal);

    public abstract bool GetBoolean(int ordinal);

    public abstract Guid GetGuid(int ordinal);

    public abstract string GetString(int ordinal);

    /// <summary>A text value as characters: in <paramref name="scratch"/> when it fits there, without a string.</summary>
    public virtual ReadOnlySpan<char> GetChars(int ordinal, Span<char> scratch) => GetString(ordinal);

    /// <summary>The row of a data reader (every provider but SQLite).</summary>
    public sealed class OfDataReader(DbDataReader reader) : QueryRow
    {
        public override int FieldCount => reader.FieldCount;

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

        public override string GetName(int ordinal) => statement.ColumnName(ordinal);

        public override bool IsDBNull(int ordinal) => statement.IsNull(ordinal);

        public override int GetInt32(int ordinal) => checked((int)Int64(ordinal));

        public override bool GetBoolean(int ordinal) => Int64(ordinal) != 0;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public override Guid GetGuid(int ordinal)
        {
            NotNull(ordinal);
            var bytes = statement.Bytes(ordinal);
            if (statement.IsBlob(ordinal) && bytes.Length == 16)
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

        public override string GetString(int ordinal)
        {
            NotNull(ordinal);
            return Encoding.UTF8.GetString(statement.Bytes(ordinal));
        }

        public override ReadOnlySpan<char> GetChars(int ordinal, Span<char> scratch)
        {
            NotNull(ordinal);
            var bytes = statement.Bytes(ordinal);
            return Encoding.UTF8.TryGetChars(bytes, scratch, out var written) ? scratch[..written] : Encoding.UTF8.GetString(bytes);
        }

        private long Int64(int ordinal)
        {
            NotNull(ordinal);
            return statement.Int64(ordinal);
        }

        private void NotNull(int ordinal)
        {
            if (statement.IsNull(ordinal))
            {
                throw new InvalidOperationException($"The value of column {ordinal} ({statement.ColumnName(ordinal)}) is NULL; read it with IsDBNull first.");
            }
        }
    }
}
