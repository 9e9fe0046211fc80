using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Integration.Host.Data;

/// <summary>
/// A statement prepared on an open SQLite connection and driven straight through SQLite's C interface: the common part
/// of <see cref="SqliteInsertStatement"/> (the bulk writer's inserts) and <see cref="SqliteSelectStatement"/> (the
/// rollup's reads). Values are bound in the forms <see cref="SqliteValues"/> makes of them.
/// </summary>
internal abstract class SqliteStatement : IDisposable
{
    // Microsoft.Data.Sqlite's default command timeout: how long a run waits for another connection's lock.
    private static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    // SQLite copies a bound text or blob before the call returns (SQLITE_TRANSIENT).
    private static readonly IntPtr Transient = new(-1);
    private static readonly byte[] Empty = [0];

    private readonly sqlite3 database;
    private readonly sqlite3_stmt statement;

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
    public void Bind(int index, object? value)
    {
        var one = new SqliteValues(1);
        one.Add(value);
        Bind(index, one, 0);
    }

    /// <summary>Binds value <paramref name="at"/> of <paramref name="values"/> to parameter <paramref name="index"/> (from 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Bind(int index, SqliteValues values, int at)
    {
        var rc = values.Kind(at) switch
        {
            SqliteValues.ValueKind.Null => Native.sqlite3_bind_null(Handle, index),
            SqliteValues.ValueKind.Integer => Native.sqlite3_bind_int64(Handle, index, values.Integer(at)),
            SqliteValues.ValueKind.Text => BindBytes(index, values.Bytes(at), blob: false),
            SqliteValues.ValueKind.Blob => BindBytes(index, values.Bytes(at), blob: true),
            SqliteValues.ValueKind.Real => Native.sqlite3_bind_double(Handle, index, values.Real(at)),
            _ => throw new NotSupportedException($"A value of kind {values.Kind(at)} cannot be bound."),
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

    // SQLite copies the bytes before the call returns (SQLITE_TRANSIENT), so the caller's buffer is free again after it.
    private int BindBytes(int index, ReadOnlySpan<byte> bytes, bool blob)
    {
        // An empty text or blob still needs an address: SQLite binds NULL for a null pointer.
        ref var first = ref bytes.IsEmpty ? ref Empty[0] : ref MemoryMarshal.GetReference(bytes);
        return blob
            ? Native.sqlite3_bind_blob(Handle, index, ref first, bytes.Length, Transient)
            : Native.sqlite3_bind_text(Handle, index, ref first, bytes.Length, Transient);
    }

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
        public static extern int sqlite3_bind_blob(IntPtr statement, int index, ref byte blob, int length, IntPtr destructor);

        [DllImport(Library, ExactSpelling = true), SuppressGCTransition]
        public static extern int sqlite3_bind_double(IntPtr statement, int index, double value);

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
