using System.Text;
using Indicators.Core.Formatting;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Indicators.Data.PlanCode;

/// <summary>
/// How large a plan document may be, so that a pasted or uploaded document cannot exhaust the web process's stack or
/// memory. Far above any real plan (the demo plan's export is about 40 kB, 6 levels deep, with no aliases), far below
/// what would strain the server. The page <c>/planer/import</c>, the command <c>plan import</c> and the fault campaign
/// all use these.
/// </summary>
/// <remarks>
/// YamlDotNet's scanner and parser are iterative (a state machine with its own stack), but building the node tree
/// (<c>YamlStream.Load</c>) recurses once per level, and so do our readers; a stack overflow cannot be caught in .NET
/// and ends the process. So <see cref="Check"/> streams the parser's events first, without building anything, and the
/// document is only loaded when it keeps every limit.
/// </remarks>
public static class PlanDocumentLimits
{
    /// <summary>The largest document, in bytes of UTF-8 text.</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>How many lists and mappings may lie inside each other.</summary>
    public const int MaxDepth = 32;

    /// <summary>
    /// How many nodes (values, lists and mappings) a document may have once every alias is counted as the whole node it
    /// repeats: a few kilobytes of nested aliases ("billion laughs") would otherwise grow to gigabytes.
    /// </summary>
    public const int MaxNodes = 1_000_000;

    /// <summary>The largest settings of one source, in bytes of the UTF-8 JSON they are stored as.</summary>
    public const int MaxSettingsBytes = 64 * 1024;

    /// <summary>
    /// The first limit <paramref name="text"/> breaks, at the line and column where it breaks it; null when it keeps them
    /// all. A syntax error is not reported here: the reader reports it, after loading only the part before it, which
    /// kept the limits.
    /// </summary>
    public static PlanCodeError? Check(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IndexPastMaxBytes(text) is { } index)
        {
            var (line, column) = Position(text, index);
            return new PlanCodeError(line, column, $"Dokumentet är större än {MaxBytes / 1024 / 1024} MB; så stora planer tas inte emot.");
        }

        var scanner = new Scanner(new StringReader(text));
        try
        {
            return CheckEvents(new Parser(scanner));
        }
        catch (YamlException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this, not a YamlException, on some broken documents (": [" and a plain scalar on
            // the next line): it is a syntax error all the same, where the scanner stopped.
            var at = scanner.CurrentPosition;
            return new PlanCodeError((int)at.Line, (int)at.Column,
                "Texten kan inte tolkas som YAML här: kontrollera kolon, citattecken och hakparenteser på raden och raden före.");
        }
    }

    /// <summary>The index of the character whose UTF-8 bytes pass <see cref="MaxBytes"/>, or null when the text fits.</summary>
    static int? IndexPastMaxBytes(string text)
    {
        // A UTF-16 character is at most three bytes of UTF-8 (a surrogate pair, two characters, is four).
        if ((long)text.Length * 3 <= MaxBytes || Encoding.UTF8.GetByteCount(text) <= MaxBytes)
        {
            return null;
        }

        long bytes = 0;
        for (var i = 0; i < text.Length; i++)
        {
            bytes += char.IsSurrogate(text[i]) ? 2 : text[i] < 0x80 ? 1 : text[i] < 0x800 ? 2 : 3;
            if (bytes > MaxBytes)
            {
                return i;
            }
        }

        return null;
    }

    static (int Line, int Column) Position(string text, int index)
    {
        var lineStart = text.LastIndexOf('\n', Math.Max(0, index - 1), index) + 1;
        var line = 1 + text.AsSpan(0, lineStart).Count('\n');
        return (line, index - lineStart + 1);
    }

    /// <summary>An open list or mapping: how many nodes the document had before it, and how many children it has so far.</summary>
    sealed class Open(bool isMapping, AnchorName anchor, long nodesBefore)
    {
        public bool IsMapping { get; } = isMapping;

        public AnchorName Anchor { get; } = anchor;

        public long NodesBefore { get; } = nodesBefore;

        public int Children { get; set; }

        /// <summary>In a mapping, children alternate key, value.</summary>
        public bool ExpectsKey => IsMapping && Children % 2 == 0;
    }

    static PlanCodeError? CheckEvents(Parser parser)
    {
        var open = new Stack<Open>();
        // Each anchor's node count, aliases expanded; null while its list or mapping is still open.
        var anchors = new Dictionary<AnchorName, long?>();
        long nodes = 0;
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case DocumentStart:
                    anchors.Clear();
                    break;

                case AnchorAlias alias:
                    if (open.TryPeek(out var parent) && parent.ExpectsKey)
                    {
                        return KeyNotText(alias.Start);
                    }

                    if (!anchors.TryGetValue(alias.Value, out var size))
                    {
                        return Error(alias.Start, $"Aliaset *{alias.Value} har inget ankare &{alias.Value} före sig.");
                    }

                    if (size is null)
                    {
                        return Error(alias.Start,
                            $"Aliaset *{alias.Value} står inuti det som ankaret &{alias.Value} märker, så det skulle upprepa sig självt utan slut.");
                    }

                    nodes += size.Value;
                    if (nodes > MaxNodes)
                    {
                        return Error(alias.Start,
                            $"Dokumentet blir för stort när aliaset *{alias.Value} byggs ut: mer än {SwedishFormat.Number(MaxNodes, 0)} värden, listor och mappningar.");
                    }

                    Completed(open);
                    break;

                case Scalar scalar:
                    if (++nodes > MaxNodes)
                    {
                        return TooManyNodes(scalar.Start);
                    }

                    if (!scalar.Anchor.IsEmpty)
                    {
                        anchors[scalar.Anchor] = 1;
                    }

                    Completed(open);
                    break;

                case NodeEvent start and (SequenceStart or MappingStart):
                    if (open.TryPeek(out var container) && container.ExpectsKey)
                    {
                        return KeyNotText(start.Start);
                    }

                    if (open.Count >= MaxDepth)
                    {
                        return Error(start.Start,
                            $"Dokumentet är för djupt nästlat: högst {MaxDepth} listor och mappningar får ligga i varandra.");
                    }

                    if (++nodes > MaxNodes)
                    {
                        return TooManyNodes(start.Start);
                    }

                    if (!start.Anchor.IsEmpty)
                    {
                        anchors[start.Anchor] = null;
                    }

                    open.Push(new Open(start is MappingStart, start.Anchor, nodes - 1));
                    break;

                case SequenceEnd or MappingEnd:
                    var closed = open.Pop();
                    if (!closed.Anchor.IsEmpty)
                    {
                        anchors[closed.Anchor] = nodes - closed.NodesBefore;
                    }

                    Completed(open);
                    break;
            }
        }

        return null;
    }

    static void Completed(Stack<Open> open)
    {
        if (open.TryPeek(out var parent))
        {
            parent.Children++;
        }
    }

    static PlanCodeError KeyNotText(Mark at) =>
        Error(at, "En nyckel ska vara text, inte en lista, en mappning eller ett alias.");

    static PlanCodeError TooManyNodes(Mark at) =>
        Error(at, $"Dokumentet är för stort: mer än {SwedishFormat.Number(MaxNodes, 0)} värden, listor och mappningar.");

    static PlanCodeError Error(Mark at, string message) => new((int)Math.Max(1, at.Line), (int)Math.Max(1, at.Column), message);
}
