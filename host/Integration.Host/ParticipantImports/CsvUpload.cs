using System.Text;
using Integration.Abstractions.Kernel;
using Sylvan.Data.Csv;

namespace Integration.Host.ParticipantImports;

/// <summary>
/// Reads an uploaded participant CSV: UTF-8 (with or without BOM), <c>;</c> or <c>,</c> separated (decided from the
/// header), a header row naming the columns in English or Swedish.
/// </summary>
internal sealed class CsvUpload
{
    public const int MaxRows = 100_000;

    private CsvUpload(char delimiter, IReadOnlyList<string?> fields) => (Delimiter, Fields) = (delimiter, fields);

    public char Delimiter { get; }

    /// <summary>The field each column holds, by position; null for a column to ignore (an empty header).</summary>
    public IReadOnlyList<string?> Fields { get; }

    /// <summary>Checks the header; null and a message when the file cannot be imported at all.</summary>
    public static (CsvUpload? Upload, string? Problem) Open(byte[] content)
    {
        try
        {
            return OpenChecked(content);
        }
        catch (Exception ex) when (ex is CsvFormatException or CsvRecordTooLargeException)
        {
            return (null, Unreadable(ex));
        }
    }

    /// <summary>The number of data rows (blank rows not counted), or the reason the file cannot be read.</summary>
    public (int Rows, string? Problem) CountRows(byte[] content)
    {
        try
        {
            return (Rows(content).Count(), null);
        }
        catch (Exception ex) when (ex is CsvFormatException or CsvRecordTooLargeException)
        {
            return (0, Unreadable(ex));
        }
    }

    private static string Unreadable(Exception ex) => ex is CsvFormatException format
        ? LocalizedText.Pick($"Filen går inte att läsa som CSV kring rad {format.RowNumber}: ett fält har fel citattecken.", $"The file cannot be read as CSV near row {format.RowNumber}: a field is wrongly quoted.")
        : LocalizedText.Pick("En rad i filen är för lång.", "A row of the file is too long.");

    private static (CsvUpload? Upload, string? Problem) OpenChecked(byte[] content)
    {
        // Only the header line is decoded here (a line feed is one byte in UTF-8, never part of another character).
        var lineEnd = Array.IndexOf(content, (byte)'\n');
        var firstLine = Encoding.UTF8.GetString(content, 0, lineEnd < 0 ? content.Length : lineEnd).AsSpan().TrimStart('\uFEFF');
        var end = firstLine.IndexOfAny('\r', '\n');
        var header = end < 0 ? firstLine : firstLine[..end];
        if (header.IsWhiteSpace())
        {
            return (null, LocalizedText.Pick("Filen är tom eller saknar rubrikrad.", "The file is empty or has no header row."));
        }

        var delimiter = header.Count(';') >= header.Count(',') ? ';' : ',';
        using var reader = Reader(content, delimiter);
        var fields = new List<string?>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < reader.FieldCount; i++)
        {
            var name = reader.GetName(i).Trim();
            if (name.Length == 0)
            {
                fields.Add(null);
                continue;
            }

            var field = CsvColumns.FieldFor(name);
            if (field is null)
            {
                return (null, LocalizedText.Pick($"Okänd kolumn '{name}'.", $"Unknown column '{name}'."));
            }

            if (!seen.Add(field))
            {
                return (null, LocalizedText.Pick($"Kolumnen för {field} finns två gånger.", $"The column for {field} appears twice."));
            }

            fields.Add(field);
        }

        if (!seen.Contains("givenName") && !seen.Contains("familyName"))
        {
            return (null, LocalizedText.Pick("Filen behöver en kolumn Förnamn eller Efternamn.", "The file needs a column givenName or familyName."));
        }

        return (new CsvUpload(delimiter, fields), null);
    }

    /// <summary>The data rows, each with its spreadsheet row number (the header is row 1).</summary>
    public IEnumerable<(int Row, CsvRow Values)> Rows(byte[] content)
    {
        var positions = Fields.Select(f => f is null ? -1 : CsvColumns.PositionOf(f)).ToArray();
        using var reader = Reader(content, Delimiter);
        var row = 1;
        while (reader.Read())
        {
            row++;
            var values = new string?[CsvColumns.Fields.Count];
            var blank = true;
            for (var i = 0; i < positions.Length && i < reader.RowFieldCount; i++)
            {
                if (positions[i] >= 0)
                {
                    var value = reader.GetString(i);
                    values[positions[i]] = value;
                    blank &= string.IsNullOrWhiteSpace(value);
                }
            }

            if (!blank)
            {
                yield return (row, new CsvRow(values));
            }
        }
    }

    private static CsvDataReader Reader(byte[] content, char delimiter) =>
        CsvDataReader.Create(new StreamReader(new MemoryStream(content), Encoding.UTF8, detectEncodingFromByteOrderMarks: true), new CsvDataReaderOptions
        {
            Delimiter = delimiter,
            HasHeaders = true,
        });
}
