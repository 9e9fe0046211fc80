using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Integration.Host.Data;

/// <summary>
/// Values in the forms SQLite binds them, for many rows at once: numbers as they are, text (and ids, instants, dates,
/// decimals) as UTF-8 in one byte buffer, in the text and number forms that Microsoft.Data.Sqlite gives EF Core's
/// parameters, so that a row reads back the same however it was written and a query finds what EF Core's would.
/// </summary>
/// <remarks>
/// Made apart from the statement they are bound to: the bulk writer makes a batch on one core while SQLite inserts the
/// previous one on the other, and the inserting thread, which an import waits for, only binds the bytes. Reused batch
/// after batch: <see cref="Clear"/> keeps the buffers.
/// </remarks>
internal sealed class SqliteValues
{
    // What Microsoft.Data.Sqlite writes for a DateTimeOffset (its SqliteValueBinder); DateTime ("yyyy-MM-dd
    // HH:mm:ss.FFFFFFF") and DateOnly ("yyyy-MM-dd") are written by hand below, being in every row of an import.
    private const string DateTimeOffsetFormat = "yyyy-MM-dd HH:mm:ss.FFFFFFFzzz";

    // What Microsoft.Data.Sqlite writes for a decimal (EF Core stores decimals as text on SQLite).
    private const string DecimalFormat = "0.0###########################";

    private ValueKind[] kinds;

    // The number itself, a double's bits, or where the value's bytes are: offset in the high half, length in the low.
    private long[] numbers;
    private byte[] bytes;
    private int used;

    /// <summary>Room for about <paramref name="values"/> values to begin with; it grows as needed.</summary>
    public SqliteValues(int values = 64)
    {
        kinds = new ValueKind[Math.Max(values, 1)];
        numbers = new long[kinds.Length];
        bytes = new byte[kinds.Length * 24];
    }

    /// <summary>How SQLite is to take a value.</summary>
    public enum ValueKind : byte
    {
        Null,
        Integer,
        Real,
        Text,
        Blob,
    }

    public int Count { get; private set; }

    public void Clear() => (Count, used) = (0, 0);

    public ValueKind Kind(int at) => kinds[at];

    public long Integer(int at) => numbers[at];

    public double Real(int at) => BitConverter.Int64BitsToDouble(numbers[at]);

    /// <summary>The UTF-8 text or the blob's bytes of value <paramref name="at"/>.</summary>
    public ReadOnlySpan<byte> Bytes(int at) => bytes.AsSpan((int)(numbers[at] >> 32), (int)(numbers[at] & 0xFFFF_FFFF));

    /// <summary>Adds a value, already converted by its column's EF Core value converter, if any (enum → text, list → JSON).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(object? value)
    {
        switch (value)
        {
            case null:
                Next(ValueKind.Null, 0);
                break;
            case string text:
                AddText(text);
                break;
            case Guid id:
                AddGuid(id);
                break;
            case DateTime instant:
                AddDateTime(instant);
                break;
            case DateOnly date:
                AddDate(date);
                break;
            case int number:
                Next(ValueKind.Integer, number);
                break;
            case long number:
                Next(ValueKind.Integer, number);
                break;
            case bool flag:
                Next(ValueKind.Integer, flag ? 1 : 0);
                break;
            case DateTimeOffset instant:
                AddFormatted(instant, DateTimeOffsetFormat);
                break;
            case decimal number:
                AddFormatted(number, DecimalFormat);
                break;
            case byte[] blob:
                blob.CopyTo(Reserve(blob.Length));
                Written(ValueKind.Blob, blob.Length);
                break;
            case double number:
                Next(ValueKind.Real, BitConverter.DoubleToInt64Bits(number));
                break;
            case float number:
                Next(ValueKind.Real, BitConverter.DoubleToInt64Bits(number));
                break;
            case Enum or short or byte or sbyte or ushort or uint:
                Next(ValueKind.Integer, Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            default:
                throw new NotSupportedException($"A value of type {value.GetType().Name} cannot be bound to a SQLite statement.");
        }
    }

    private void Next(ValueKind kind, long number)
    {
        if (Count == kinds.Length)
        {
            Array.Resize(ref kinds, Count * 2);
            Array.Resize(ref numbers, Count * 2);
        }

        kinds[Count] = kind;
        numbers[Count] = number;
        Count++;
    }

    /// <summary>Room for at least <paramref name="length"/> bytes after the last value's; fill it, then call <see cref="Written"/>.</summary>
    private Span<byte> Reserve(int length)
    {
        if (bytes.Length - used < length)
        {
            Array.Resize(ref bytes, Math.Max(used + length, bytes.Length * 2));
        }

        return bytes.AsSpan(used);
    }

    private void Written(ValueKind kind, int length)
    {
        Next(kind, ((long)used << 32) | (uint)length);
        used += length;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddText(string text)
    {
        var written = Encoding.UTF8.GetBytes(text, Reserve(Encoding.UTF8.GetMaxByteCount(text.Length)));
        Written(ValueKind.Text, written);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddGuid(Guid id)
    {
        // Upper-case hex in the text form's order (the "D" format), as Microsoft.Data.Sqlite writes a Guid that EF Core
        // stores as text. Written by hand: the runtime's UTF-8 Guid formatting is generic code that an import would
        // otherwise run at its slowest, unoptimised tier for most of its rows.
        Span<byte> raw = stackalloc byte[16];
        id.TryWriteBytes(raw, bigEndian: true, out _);
        var text = Reserve(36);
        var at = 0;
        for (var i = 0; i < 16; i++)
        {
            if (i is 4 or 6 or 8 or 10)
            {
                text[at++] = (byte)'-';
            }

            text[at++] = UpperHex[raw[i] >> 4];
            text[at++] = UpperHex[raw[i] & 0xF];
        }

        Written(ValueKind.Text, 36);
    }

    private static ReadOnlySpan<byte> UpperHex => "0123456789ABCDEF"u8;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddDateTime(DateTime instant)
    {
        // "yyyy-MM-dd HH:mm:ss.FFFFFFF": the fraction without trailing zeros, and without its point when it is zero.
        var text = Reserve(27);
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

        Written(ValueKind.Text, length);
    }

    private void AddDate(DateOnly date) => Written(ValueKind.Text, WriteDate(Reserve(10), date.Year, date.Month, date.Day));

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

    private void AddFormatted<TValue>(TValue value, string format)
        where TValue : IUtf8SpanFormattable
    {
        if (!value.TryFormat(Reserve(64), out var written, format, CultureInfo.InvariantCulture))
        {
            throw new FormatException($"{value} does not fit a bulk insert's text buffer.");
        }

        Written(ValueKind.Text, written);
    }
}
