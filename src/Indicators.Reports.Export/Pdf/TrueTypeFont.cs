using System.Buffers.Binary;
using System.Text;

namespace Indicators.Reports.Export.Pdf;

/// <summary>
/// What the PDF writer needs of a TrueType font: the glyph of each character (cmap formats 4 and 12), advance widths,
/// the metrics of its font descriptor, and a subset holding only the glyphs a document used.
/// </summary>
public sealed class TrueTypeFont
{
    /// <summary>What a PDF's CID font needs (glyph ids are used directly, so no cmap, and no glyph names).</summary>
    static readonly string[] KeptTables = ["head", "hhea", "hmtx", "maxp", "cvt ", "fpgm", "prep", "name", "OS/2"];

    readonly byte[] data;
    readonly Dictionary<string, (int Offset, int Length)> tables = new(StringComparer.Ordinal);
    readonly Dictionary<int, ushort> glyphs = [];
    readonly ushort[] advances;

    public TrueTypeFont(string postScriptName, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        PostScriptName = postScriptName;
        this.data = data;
        var count = U16(4);
        for (var t = 0; t < count; t++)
        {
            var record = 12 + (16 * t);
            tables[Encoding.ASCII.GetString(data, record, 4)] = ((int)U32(record + 8), (int)U32(record + 12));
        }

        var head = Table("head");
        UnitsPerEm = U16(head + 18);
        BoundingBox = [I16(head + 36), I16(head + 38), I16(head + 40), I16(head + 42)];
        LongLoca = I16(head + 50) == 1;
        var hhea = Table("hhea");
        Ascent = I16(hhea + 4);
        Descent = I16(hhea + 6);
        var metrics = U16(hhea + 34);
        GlyphCount = U16(Table("maxp") + 4);
        advances = new ushort[GlyphCount];
        var hmtx = Table("hmtx");
        for (var g = 0; g < GlyphCount; g++)
        {
            advances[g] = U16(hmtx + (4 * Math.Min(g, metrics - 1)));
        }

        CapHeight = tables.ContainsKey("OS/2") && U16(Table("OS/2")) >= 2 ? I16(Table("OS/2") + 88) : Ascent;
        ReadCmap();
    }

    public string PostScriptName { get; }

    public int UnitsPerEm { get; }

    public int Ascent { get; }

    public int Descent { get; }

    public int CapHeight { get; }

    /// <summary>xMin, yMin, xMax, yMax in font units.</summary>
    public IReadOnlyList<int> BoundingBox { get; }

    public int GlyphCount { get; }

    bool LongLoca { get; }

    /// <summary>Every code point the font has a glyph for.</summary>
    public IEnumerable<int> CodePoints => glyphs.Keys;

    /// <summary>The glyph of a code point; 0 (the missing glyph) when there is none.</summary>
    public ushort GlyphOf(int codePoint) => glyphs.GetValueOrDefault(codePoint);

    /// <summary>A glyph's advance width in font units.</summary>
    public int Advance(ushort glyph) => advances[Math.Min((int)glyph, advances.Length - 1)];

    /// <summary>The width of a text in points at <paramref name="size"/> (no kerning).</summary>
    public double Width(string text, double size)
    {
        ArgumentNullException.ThrowIfNull(text);
        var units = 0L;
        foreach (var rune in text.EnumerateRunes())
        {
            units += Advance(GlyphOf(rune.Value));
        }

        return units * size / UnitsPerEm;
    }

    /// <summary>
    /// The font with only <paramref name="used"/> glyphs (and the parts of composite glyphs) kept: the others are empty,
    /// so glyph ids stay as they are, and the tables a PDF viewer does not need (character map, glyph names, layout, kerning) are left out.
    /// </summary>
    public byte[] Subset(IEnumerable<ushort> used)
    {
        ArgumentNullException.ThrowIfNull(used);
        var keep = new HashSet<ushort>(used) { 0 };
        var glyf = Table("glyf");
        var loca = Table("loca");
        int Location(int glyph) => LongLoca ? (int)U32(loca + (4 * glyph)) : 2 * U16(loca + (2 * glyph));

        // Composite glyphs draw other glyphs: keep those too.
        var pending = new Stack<ushort>(keep);
        while (pending.TryPop(out var glyph))
        {
            var start = Location(glyph);
            if (Location(glyph + 1) - start < 10 || I16(glyf + start) >= 0)
            {
                continue;
            }

            var at = glyf + start + 10;
            while (true)
            {
                var flags = U16(at);
                var component = U16(at + 2);
                if (keep.Add(component))
                {
                    pending.Push(component);
                }

                at += 4 + ((flags & 0x1) != 0 ? 4 : 2) + ((flags & 0x8) != 0 ? 2 : (flags & 0x40) != 0 ? 4 : (flags & 0x80) != 0 ? 8 : 0);
                if ((flags & 0x20) == 0)
                {
                    break;
                }
            }
        }

        using var newGlyf = new MemoryStream();
        var offsets = new int[GlyphCount + 1];
        for (var g = 0; g < GlyphCount; g++)
        {
            offsets[g] = (int)newGlyf.Length;
            if (keep.Contains((ushort)g))
            {
                newGlyf.Write(data, glyf + Location(g), Location(g + 1) - Location(g));
                while (newGlyf.Length % 4 != 0)
                {
                    newGlyf.WriteByte(0);
                }
            }
        }

        offsets[GlyphCount] = (int)newGlyf.Length;
        var newLoca = new byte[(GlyphCount + 1) * (LongLoca ? 4 : 2)];
        for (var g = 0; g <= GlyphCount; g++)
        {
            if (LongLoca)
            {
                BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(4 * g), (uint)offsets[g]);
            }
            else
            {
                BinaryPrimitives.WriteUInt16BigEndian(newLoca.AsSpan(2 * g), (ushort)(offsets[g] / 2));
            }
        }

        var kept = new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["glyf"] = newGlyf.ToArray(),
            ["loca"] = newLoca,
        };
        foreach (var name in KeptTables)
        {
            if (tables.TryGetValue(name, out var table))
            {
                kept[name] = data.AsSpan(table.Offset, table.Length).ToArray();
            }
        }

        // The whole font's checksum adjustment no longer holds; viewers ignore it, and 0 says it was not computed.
        BinaryPrimitives.WriteUInt32BigEndian(kept["head"].AsSpan(8), 0);
        return Assemble(kept);
    }

    static byte[] Assemble(SortedDictionary<string, byte[]> tables)
    {
        var count = tables.Count;
        var power = 1;
        var log = 0;
        while (power * 2 <= count)
        {
            power *= 2;
            log++;
        }

        using var output = new MemoryStream();
        var header = new byte[12 + (16 * count)];
        BinaryPrimitives.WriteUInt32BigEndian(header, 0x00010000);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(4), (ushort)count);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(6), (ushort)(power * 16));
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(8), (ushort)log);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(10), (ushort)((count * 16) - (power * 16)));
        var offset = header.Length;
        var i = 0;
        foreach (var (name, table) in tables)
        {
            var record = header.AsSpan(12 + (16 * i++));
            Encoding.ASCII.GetBytes(name, record);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], Checksum(table));
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)offset);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)table.Length);
            offset += (table.Length + 3) & ~3;
        }

        output.Write(header);
        foreach (var table in tables.Values)
        {
            output.Write(table);
            output.Write(new byte[((table.Length + 3) & ~3) - table.Length]);
        }

        return output.ToArray();
    }

    static uint Checksum(byte[] table)
    {
        var sum = 0u;
        for (var i = 0; i < table.Length; i += 4)
        {
            var word = 0u;
            for (var b = 0; b < 4; b++)
            {
                word = (word << 8) | (i + b < table.Length ? table[i + b] : 0u);
            }

            sum = unchecked(sum + word);
        }

        return sum;
    }

    void ReadCmap()
    {
        var cmap = Table("cmap");
        var subtables = U16(cmap + 2);
        for (var s = 0; s < subtables; s++)
        {
            var record = cmap + 4 + (8 * s);
            var platform = U16(record);
            var encoding = U16(record + 2);
            var offset = cmap + (int)U32(record + 4);
            var format = U16(offset);
            var unicode = platform == 0 || (platform == 3 && encoding is 1 or 10);
            if (!unicode)
            {
                continue;
            }

            if (format == 4)
            {
                ReadFormat4(offset);
            }
            else if (format == 12)
            {
                var groups = U32(offset + 12);
                for (var g = 0; g < groups; g++)
                {
                    var group = offset + 16 + (12 * g);
                    var start = (int)U32(group);
                    var end = (int)U32(group + 4);
                    var glyph = U32(group + 8);
                    for (var c = start; c <= end; c++)
                    {
                        Map(c, (int)(glyph + (uint)(c - start)));
                    }
                }
            }
        }
    }

    void ReadFormat4(int table)
    {
        var segments = U16(table + 6) / 2;
        var ends = table + 14;
        var starts = ends + (2 * segments) + 2;
        var deltas = starts + (2 * segments);
        var rangeOffsets = deltas + (2 * segments);
        for (var s = 0; s < segments; s++)
        {
            int end = U16(ends + (2 * s));
            int start = U16(starts + (2 * s));
            var delta = I16(deltas + (2 * s));
            int rangeOffset = U16(rangeOffsets + (2 * s));
            for (var c = start; c <= end && c != 0xFFFF; c++)
            {
                var glyph = rangeOffset == 0 ? (c + delta) & 0xFFFF : U16(rangeOffsets + (2 * s) + rangeOffset + (2 * (c - start)));
                if (rangeOffset != 0 && glyph != 0)
                {
                    glyph = (glyph + delta) & 0xFFFF;
                }

                Map(c, glyph);
            }
        }
    }

    void Map(int codePoint, int glyph)
    {
        if (glyph > 0 && glyph < GlyphCount)
        {
            glyphs.TryAdd(codePoint, (ushort)glyph);
        }
    }

    int Table(string name) => tables.TryGetValue(name, out var table) ? table.Offset : throw new InvalidDataException($"The font {PostScriptName} has no '{name}' table.");

    ushort U16(int at) => BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(at));

    short I16(int at) => BinaryPrimitives.ReadInt16BigEndian(data.AsSpan(at));

    uint U32(int at) => BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(at));
}
