using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Integration.Host.Data;

/// <summary>
/// A query prepared on an open SQLite connection with the parameters of an EF Core command, its rows stepped through
/// and its columns read straight through SQLite's C interface (the SQLite half of <see cref="QueryRows"/>).
/// </summary>
/// <remarks>
/// Why not Microsoft.Data.Sqlite's data reader: for each value it asks SQLite the column's type through SQLitePCLRaw
/// (a reference count on the statement's handle, an interface call and a marshalling stub) before reading the value the
/// same way, and it reads a text id as a new string that is then parsed. A rollup reads about 1.5 million ids and as
/// many other values.
/// </remarks>
internal sealed class SqliteSelectStatement : SqliteStatement
{
    private byte[] text = new byte[64];
    private bool started;

    public SqliteSelectStatement(SqliteConnection connection, DbCommand command)
        : base(connection, command.CommandText)
    {
        try
        {
            foreach (DbParameter parameter in command.Parameters)
            {
                var index = ParameterIndex(parameter.ParameterName);
                if (index == 0)
                {
                    throw new InvalidOperationException($"The query has no parameter {parameter.ParameterName}.");
                }

                Bind(index, parameter.Value is DBNull ? null : parameter.Value);
            }
        }
        catch
        {
            // The caller never gets the statement to dispose.
            Dispose();
            throw;
        }
    }

    public int ColumnCount => raw.sqlite3_column_count(Prepared);

    public string ColumnName(int ordinal) => raw.sqlite3_column_name(Prepared, ordinal).utf8_to_string();

    /// <summary>Moves to the next row; false once there is none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Read()
    {
        // Only the first step may wait for a lock and start again: a later one would return the first rows again.
        var rc = started ? Native.sqlite3_step(Handle) : Step();
        started = true;
        return rc switch
        {
            raw.SQLITE_ROW => true,
            raw.SQLITE_DONE => false,
            _ => throw Failed(rc),
        };
    }

    /// <summary>The value's storage class in this row (<c>SQLITE_NULL</c>, <c>SQLITE_TEXT</c>, <c>SQLITE_BLOB</c>, …).</summary>
    public int Type(int ordinal) => Native.sqlite3_column_type(Handle, ordinal);

    public long Int64(int ordinal) => Native.sqlite3_column_int64(Handle, ordinal);

    /// <summary>The bytes of a value of storage class <paramref name="type"/> (UTF-8 for text), valid until the next call.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ReadOnlySpan<byte> Bytes(int ordinal, int type)
    {
        // SQLite's pointer is valid until the next step; the bytes are copied into a buffer of this statement's.
        var pointer = type == raw.SQLITE_BLOB ? Native.sqlite3_column_blob(Handle, ordinal) : Native.sqlite3_column_text(Handle, ordinal);
        var length = Native.sqlite3_column_bytes(Handle, ordinal);
        if (text.Length < length)
        {
            text = new byte[Math.Max(length, text.Length * 2)];
        }

        if (length > 0)
        {
            Marshal.Copy(pointer, text, 0, length);
        }

        return text.AsSpan(0, length);
    }

    // EF Core names its parameters with their prefix (@p0, @__id_0); Microsoft.Data.Sqlite also accepts them without.
    private int ParameterIndex(string name)
    {
        var index = raw.sqlite3_bind_parameter_index(Prepared, name);
        foreach (var prefix in (ReadOnlySpan<string>)["@", "$", ":"])
        {
            if (index != 0)
            {
                break;
            }

            index = raw.sqlite3_bind_parameter_index(Prepared, prefix + name);
        }

        return index;
    }
}
