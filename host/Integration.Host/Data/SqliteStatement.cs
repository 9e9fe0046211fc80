using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Integration.Host.Data;

/// <summary>
/// A statement prepared on an open SQLite connection and driven straight through SQLite's C interface: the common part
/// of <see cref="SqliteInsertStatement"/> (the bulk writer's inserts) and <see cref="SqliteSelectStatement"/> (the
/// rollup's reads). Values are bound in the text and number forms that Microsoft.Data.Sqlite gives EF Core's
/// parameters, so a row reads back the same however it was written, and a query finds what EF Core's would.
/// </summary>
internal abstract class SqliteStatement : IDisposable
{
    // What Microsoft.Data.Sqlite writes for a DateTimeOffset (its SqliteValueBinder); DateTime ("yyyy-MM-dd
    // HH:mm:ss.FFFFFFF") and DateOnly ("yyyy-MM-dd") are written by hand below, being in every row of an import.
    private const string DateTimeOffsetFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFFzzz";

    // What Microsoft.Data.Sqlite writes for a decimal (EF Core stores decimals as text on SQLite).
    private const string DecimalFormat = "0.0###########################";

    // Microsoft.Data.Sqlite's default command timeout: how long a run waits for another connection's lock.
    private static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    // SQLite copies a bound text or blob before the call returns (SQLITE_TRANSIENT).
    private static readonly IntPtr Transient = new(-1);
    private static readonly byte[] Empty = [0];

    private readonly sqlite3 database;
    private readonly sqlite3_stmt statement;
    private byte[] buffer = new byte[256];

    protected SqliteStatement(SqliteConnection connection, string sql)
    {
        database = connection.Handle ?? throw new InvalidOperationException("Open the connection before preparing a statement on it.");
        var rc = raw.sqlite3_prepare_v2(database, sql, out statement, out var tail);
        if (rc != raw.SQLITE_OK)
        {
            var error = Error(database, rc);
            statement.Dispose();
            throw error;
        }

        if (!string.IsNullOrWhiteSpace(tail))
        {
            statement.Dispose();
            throw new InvalidOperationException("A prepared statement runs one SQL statement, and this text holds more.");
        }

        Handle = statement.DangerousGetHandle();
    }

    /// <summary>The statement's native pointer; valid while the statement is (it is disposed with this).</summary>
    protected IntPtr Handle { get; }

    /// <summary>The statement as SQLitePCLRaw holds it, for the calls that are not made for every value.</summary>
    protected sqlite3_stmt Prepared => statement;

    // The methods run for every value of an import are compiled optimised at once: at the runtime's first, unoptimised
    // tier (where an import's code otherwise stays for much of its run, other code queueing for the optimiser) binding
    // cost more than SQLite's insert itself.

    /// <summary>Binds a value (already converted by the column's EF Core value converter, if any) to parameter <paramref name="index"/> (from 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Bind(int index, object? value)
    {
        var rc = value switch
        {
            null => Native.sqlite3_bind_null(Handle, index),
            string text => BindText(index, text),
            Guid id => BindGuid(index, id),
            DateTime instant => BindDateTime(index, instant),
            DateOnly date => BindDate(index, date),
            int number => Native.sqlite3_bind_int64(Handle, index, number),
            long number => Native.sqlite3_bind_int64(Handle, index, number),
            bool flag => Native.sqlite3_bind_int64(Handle, index, flag ? 1 : 0),
            DateTimeOffset instant => BindFormatted(index, instant, DateTimeOffsetFormat),
            decimal number => BindFormatted(index, number, DecimalFormat),
            byte[] { Length: 0 } => raw.sqlite3_bind_zeroblob(statement, index, 0), // an empty value, not NULL
            byte[] bytes => raw.sqlite3_bind_blob(statement, index, bytes),
            double number => raw.sqlite3_bind_double(statement, index, number),
            float number => raw.sqlite3_bind_double(statement, index, number),
            Enum or short or byte or sbyte or ushort or uint => raw.sqlite3_bind_int64(statement, index, Convert.ToInt64(value, CultureInfo.InvariantCulture)),
            _ => throw new NotSupportedException($"A value of type {value.GetType().Name} cannot be bound to a SQLite statement."),
        };
        Check(rc);
    }

    /// <summary>
    /// Steps the statement once, waiting as Microsoft.Data.Sqlite does while another connection holds the lock (a
    /// deferred transaction's first write, or a read during recovery), and returns SQLite's code: a row, done, or an
    /// error for the caller to raise.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected int Step()
    {
        var rc = Native.sqlite3_step(Handle);
        if (rc is raw.SQLITE_BUSY or raw.SQLITE_LOCKED)
        {
            var waiting = Stopwatch.StartNew();
            while (rc is raw.SQLITE_BUSY or raw.SQLITE_LOCKED && waiting.Elapsed < BusyTimeout)
            {
                _ = Native.sqlite3_reset(Handle); // returns the step's busy code again
                Thread.Sleep(1);
                rc = Native.sqlite3_step(Handle);
            }
        }

        return rc;
    }

    /// <summary>Raises a step's error code, leaving the statement reset for its next use.</summary>
    protected Exception Failed(int rc)
    {
        var error = Error(database, rc);
        _ = Native.sqlite3_reset(Handle); // returns the step's error again
        return error;
    }

    protected void Reset() => Check(Native.sqlite3_reset(Handle));

    public void Dispose() => statement.Dispose();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int BindText(int index, string text)
    {
        var length = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (buffer.Length < length)
        {
            buffer = new byte[Math.Max(length, buffer.Length * 2)];
        }

        // SQLite copies the text (SQLITE_TRANSIENT), so the buffer is free again once the call returns.
        var written = Encoding.UTF8.GetBytes(text, buffer);
        return BindUtf8(index, buffer.AsSpan(0, written));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int BindGuid(int index, Guid id)
    {
        // Upper-case hex in the text form's order (the "D" format), as Microsoft.Data.Sqlite writes a Guid that EF Core
        // stores as text. Written by hand: the runtime's UTF-8 Guid formatting is generic code that an import runs at
        // its slowest, unoptimised tier for most of its rows.
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        Span<byte> text = stackalloc byte[36];
        var at = 0;
        for (var i = 0; i < 16; i++)
        {
            if (i is 4 or 6 or 8 or 10)
            {
                text[at++] = (byte)'-';
            }

            text[at++] = UpperHex[bytes[i] >> 4];
            text[at++] = UpperHex[bytes[i] & 0xF];
        }

        return BindUtf8(index, text);
    }

    private static ReadOnlySpan<byte> UpperHex => "0123456789ABCDEF"u8;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int BindDateTime(int index, DateTime instant)
    {
        // "yyyy-MM-dd HH:mm:ss.FFFFFFF": the fraction without trailing zeros, and without its point when it is zero.
        Span<byte> text = stackalloc byte[27];
        var length = WriteDate(text, instant.Year, instant.Month, instant.Day);
        text[length++] = (byte)' ';
        length = WriteDigits(text, length, instant.Hour, 2);
        text[length++] = (byte)':';
        length = WriteDigits(text, length, instant.Minute, 2);
        text[length++] = (byte)':';
        length = WriteDigits(text, length, instant.Second, 2);
        var fraction = (int)(instant.Ticks % TimeSpan.TicksPerSecond);
        if (fraction != 0)
        {
            text[length++] = (byte)'.';
            var digits = 7;
            while (fraction % 10 == 0)
            {
                fraction /= 10;
                digits--;
            }

            length = WriteDigits(text, length, fraction, digits);
        }

        return BindUtf8(index, text[..length]);
    }

    private int BindDate(int index, DateOnly date)
    {
        Span<byte> text = stackalloc byte[10];
        return BindUtf8(index, text[..WriteDate(text, date.Year, date.Month, date.Day)]);
    }

    private static int WriteDate(Span<byte> text, int year, int month, int day)
    {
        var length = WriteDigits(text, 0, year, 4);
        text[length++] = (byte)'-';
        length = WriteDigits(text, length, month, 2);
        text[length++] = (byte)'-';
        return WriteDigits(text, length, day, 2);
    }

    private static int WriteDigits(Span<byte> text, int at, int value, int digits)
    {
        for (var i = at + digits - 1; i >= at; i--)
        {
            text[i] = (byte)('0' + (value % 10));
            value /= 10;
        }

        return at + digits;
    }

    private int BindFormatted<TValue>(int index, TValue value, string format)
        where TValue : IUtf8SpanFormattable
    {
        Span<byte> text = stackalloc byte[64];
        if (!value.TryFormat(text, out var written, format, CultureInfo.InvariantCulture))
        {
            throw new FormatException($"{value} does not fit a bulk insert's text buffer.");
        }

        return BindUtf8(index, text[..written]);
    }

    private int BindUtf8(int index, ReadOnlySpan<byte> text) =>
        // An empty text still needs an address: SQLite binds NULL for a null pointer.
        Native.sqlite3_bind_text(Handle, index, ref text.IsEmpty ? ref Empty[0] : ref MemoryMarshal.GetReference(text), text.Length, Transient);

    protected void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw Error(database, rc);
        }
    }

    private static SqliteException Error(sqlite3 database, int rc) =>
        new(raw.sqlite3_errmsg(database).utf8_to_string(), rc, raw.sqlite3_extended_errcode(database));

    /// <summary>
    /// The binds, column reads and steps, called straight into the SQLite library that SQLitePCLRaw loaded (the same
    /// <c>e_sqlite3</c>), the binds and reads without a transition of the garbage collector: an import binds millions of
    /// values and a rollup reads millions, and each call through SQLitePCLRaw took a reference count on the statement's
    /// handle, an interface call and a marshalling stub (about half the time of writing 100 000 participants). Binds and
    /// reads are short, never block and never call back into .NET.
    /// </summary>
    protected static class Native
    {
        private const string Library = "e_sqlite3";

        [DllImport(Library, ExactSpelling = true), SuppressGCTransition]
        public static extern int sqlite3_bind_text(IntPtr statement, int index, ref byte text, int length, IntPtr destructor);

        [DllImport(Library, ExactSpelling = true), SuppressGCTransition]
        public static extern int sqlite3_bind_int64(IntPtr statement, int index, long value);

        [DllImport(Library, ExactSpelling = true), SuppressGCTransition]
        public static extern int sqlite3_bind_null(IntPtr statement, int index);

        [DllImport(Library, ExactSpelling = true), SuppressGCTransition]
        public static extern int sqlite3_column_type(IntPtr statement, int index);

        [DllImport(Library, ExactSpelling = true), SuppressGCTransition]
        public static extern long sqlite3_column_int64(IntPtr statement, int index);

        // Text as UTF-8, valid until the next step, reset or the statement's end; call before sqlite3_column_bytes.
        [DllImport(Library, ExactSpelling = true), SuppressGCTransition]
        public static extern IntPtr sqlite3_column_text(IntPtr statement, int index);

        [DllImport(Library, ExactSpelling = true), SuppressGCTransition]
        public static extern IntPtr sqlite3_column_blob(IntPtr statement, int index);

        [DllImport(Library, ExactSpelling = true), SuppressGCTransition]
        public static extern int sqlite3_column_bytes(IntPtr statement, int index);

        // A step writes pages and may wait for the file: it keeps the transition, so the collector can run meanwhile.
        [DllImport(Library, ExactSpelling = true)]
        public static extern int sqlite3_step(IntPtr statement);

        [DllImport(Library, ExactSpelling = true)]
        public static extern int sqlite3_reset(IntPtr statement);
    }
}
