namespace Indicators.Ingestion.Sources.Files;

/// <summary>
/// An RFC 4180 tokenizer, streaming from a <see cref="TextReader"/>: fields split by one delimiter, records by CRLF,
/// LF or CR; a field that starts with a quote may hold delimiters, line breaks and doubled quotes. It is lenient where
/// spreadsheets are sloppy (text after a closing quote is kept; a quote inside an unquoted field is a plain character)
/// and reports only what loses data: a quote never closed. Hand-written rather than a library so that each record
/// knows the file line it starts on, which is what a rejected row must name.
/// </summary>
internal sealed class CsvParser(TextReader reader, char delimiter)
{
    /// <summary>
    /// The longest field kept, Excel's limit for a cell. The rest of a longer field is read past, not held, so a file of one
    /// endless field (or a quote never closed) costs no more memory than this.
    /// </summary>
    public const int MaxFieldLength = 32_767;

    readonly char[] buffer = new char[64 * 1024];
    char[] field = new char[256];
    int fieldLength;
    int position;
    int length;
    int line = 1;

    /// <summary>The 1-based line the last record read starts on.</summary>
    public int RecordLine { get; private set; }

    /// <summary>The last record read ended inside a quoted field: the file ended before the quote was closed.</summary>
    public bool UnclosedQuote { get; private set; }

    /// <summary>A field of the last record read was longer than <see cref="MaxFieldLength"/>; it was cut short.</summary>
    public bool FieldTooLong { get; private set; }

    /// <summary>Reads the next record into <paramref name="fields"/> (cleared first); false at the end of the input.</summary>
    public bool ReadRecord(List<string> fields)
    {
        fields.Clear();
        UnclosedQuote = false;
        FieldTooLong = false;
        if (Peek() < 0)
        {
            return false;
        }

        RecordLine = line;
        while (true)
        {
            fieldLength = 0;
            if (Peek() == '"')
            {
                position++;
                ReadQuoted();
            }

            // Unquoted part (or what follows a closing quote): up to the delimiter or the end of the line.
            var c = ReadUnquoted();

            fields.Add(fieldLength == 0 ? string.Empty : new string(field, 0, fieldLength));
            if (c == delimiter)
            {
                continue;
            }

            if (c == '\r' && Peek() == '\n')
            {
                position++;
            }

            if (c >= 0)
            {
                line++;
            }

            return true;
        }
    }

    void ReadQuoted()
    {
        while (true)
        {
            var c = Read();
            if (c < 0)
            {
                UnclosedQuote = true;
                return;
            }

            if (c == '"')
            {
                if (Peek() != '"')
                {
                    return;
                }

                position++;
            }
            else if (c == '\n')
            {
                line++;
            }

            Append((char)c);
        }
    }

    /// <summary>
    /// Appends up to the next delimiter, CR or LF and returns that character (consumed), or -1 at the end of the input.
    /// Searches the buffer a block at a time (vectorised) instead of a call per character: a file may hold a million rows.
    /// </summary>
    int ReadUnquoted()
    {
        while (true)
        {
            if (position == length && !Fill())
            {
                return -1;
            }

            var rest = buffer.AsSpan(position, length - position);
            var stop = rest.IndexOfAny(delimiter, '\n', '\r');
            if (stop < 0)
            {
                Append(rest);
                position = length;
                continue;
            }

            Append(rest[..stop]);
            position += stop + 1;
            return rest[stop];
        }
    }

    void Append(ReadOnlySpan<char> text)
    {
        if (fieldLength + text.Length > MaxFieldLength)
        {
            FieldTooLong = true;
            text = text[..Math.Max(0, MaxFieldLength - fieldLength)];
        }

        if (fieldLength + text.Length > field.Length)
        {
            Array.Resize(ref field, Math.Max(field.Length * 2, fieldLength + text.Length));
        }

        text.CopyTo(field.AsSpan(fieldLength));
        fieldLength += text.Length;
    }

    void Append(char c)
    {
        if (fieldLength == MaxFieldLength)
        {
            FieldTooLong = true;
            return;
        }

        if (fieldLength == field.Length)
        {
            Array.Resize(ref field, field.Length * 2);
        }

        field[fieldLength++] = c;
    }

    int Read()
    {
        if (position == length && !Fill())
        {
            return -1;
        }

        return buffer[position++];
    }

    int Peek()
    {
        if (position == length && !Fill())
        {
            return -1;
        }

        return buffer[position];
    }

    bool Fill()
    {
        length = reader.Read(buffer, 0, buffer.Length);
        position = 0;
        return length > 0;
    }
}
