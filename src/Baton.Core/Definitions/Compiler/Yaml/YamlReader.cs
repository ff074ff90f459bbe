using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Baton.Definitions.Compiler.Yaml;

/// <summary>
/// Reads one YAML document into a positioned <see cref="SyntaxNode"/> tree. Never throws: malformed YAML,
/// duplicate keys and the size limits become diagnostics.
/// </summary>
/// <remarks>
/// Aliases share the anchored node instead of copying it, and count at their expanded size, so that an
/// alias bomb ("billion laughs") stops at <see cref="MaxNodes"/> without ever being expanded in memory.
/// </remarks>
internal sealed partial class YamlReader
{
    public const int MaxNodes = 100_000;
    public const int MaxDepth = 128;

    private readonly string _text;
    private readonly string _file;
    private readonly DiagnosticBag _diagnostics;
    private readonly Dictionary<string, SyntaxNode> _anchors = new(StringComparer.Ordinal);
    private readonly Stack<Frame> _frames = new();
    private readonly int _lineCount;
    private readonly bool _allowEmpty;
    private SyntaxNode? _root;
    private int _nodeCount;
    private int _documents;
    private bool _stopped;

    private YamlReader(string text, string file, DiagnosticBag diagnostics, bool allowEmpty)
    {
        _allowEmpty = allowEmpty;
        _text = text;
        _lineCount = 1 + text.Count(c => c == '\n');
        _file = file;
        _diagnostics = diagnostics;
    }

    /// <summary>Reads <paramref name="text"/>. Returns null when the file holds no document or cannot be read as YAML.</summary>
    /// <param name="allowEmpty">True when a file without a document is fine (a project config); otherwise it is reported.</param>
    public static SyntaxNode? Read(string text, string file, DiagnosticBag diagnostics, bool allowEmpty = false)
    {
        var reader = new YamlReader(text.StartsWith('\uFEFF') ? text[1..] : text, file, diagnostics, allowEmpty);
        return reader.Run();
    }

    private SyntaxNode? Run()
    {
        var scanner = new Scanner(new StringReader(_text));
        var parser = new Parser(scanner);
        try
        {
            while (!_stopped && parser.MoveNext())
            {
                Handle(parser.Current!);
            }
        }
        catch (YamlException ex)
        {
            var mark = ex.Start.Line > 0 ? ex.Start : scanner.CurrentPosition;

            // YamlDotNet places a tab in the indentation at the start of the mapping it was reading, often line 1.
            var location = ex.Message.Contains("tab", StringComparison.OrdinalIgnoreCase) ? TabInIndentation((int)mark.Line) ?? Location(mark) : Location(mark);
            Fatal(DiagnosticCodes.YamlSyntax, location, $"The YAML is malformed: {Sentence(ex.Message)}");
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IndexOutOfRangeException or FormatException or OverflowException)
        {
            // YamlDotNet's scanner throws these on some malformed input instead of a YamlException.
            Fatal(DiagnosticCodes.YamlSyntax, scanner.CurrentPosition, "The YAML is malformed near here; check the indentation, quotes and brackets.");
        }

        if (_stopped)
        {
            return null;
        }

        if (_documents == 0 && !_allowEmpty)
        {
            _diagnostics.Error(DiagnosticCodes.EmptyFile, new SourceLocation(_file, 1, 1), "The file holds no workflow; it needs at least 'name' and 'steps'.");
        }

        return _root;
    }

    private void Handle(ParsingEvent e)
    {
        switch (e)
        {
            case DocumentStart start:
                if (++_documents > 1)
                {
                    Fatal(DiagnosticCodes.MultipleDocuments, start.Start, "A Baton file holds one YAML document; remove this '---' and what follows it, or move it to its own file.");
                }

                break;
            case Scalar scalar:
                Complete(ReadScalar(scalar), scalar.Anchor);
                break;
            case AnchorAlias alias:
                ReadAlias(alias);
                break;
            case SequenceStart start:
                Open(new SequenceFrame(Location(start.Start), start.Anchor), start.Start, start.Tag, "tag:yaml.org,2002:seq");
                break;
            case MappingStart start:
                Open(new MappingFrame(Location(start.Start), start.Anchor), start.Start, start.Tag, "tag:yaml.org,2002:map");
                break;
            case SequenceEnd or MappingEnd:
                var frame = _frames.Pop();
                Complete(frame.Build(), frame.Anchor);
                break;
        }
    }

    private void Open(Frame frame, Mark mark, TagName tag, string coreTag)
    {
        if (!tag.IsEmpty && !tag.IsNonSpecific && tag.Value != coreTag)
        {
            _diagnostics.Error(DiagnosticCodes.UnsupportedYaml, Location(mark), $"The tag '{tag.Value}' is not supported; remove it.");
        }

        if (_frames.Count + 1 > MaxDepth)
        {
            Fatal(DiagnosticCodes.NestingTooDeep, mark, $"The YAML is nested more than {MaxDepth} levels deep.");
            return;
        }

        Count(1, mark);
        _frames.Push(frame);
    }

    private void ReadAlias(AnchorAlias alias)
    {
        if (!_anchors.TryGetValue(alias.Value.Value, out var target))
        {
            Fatal(DiagnosticCodes.YamlSyntax, alias.Start, $"The alias '*{alias.Value.Value}' refers to no anchor defined before it; define '&{alias.Value.Value}' first.");
            return;
        }

        if (_frames.Count + target.Height > MaxDepth)
        {
            Fatal(DiagnosticCodes.NestingTooDeep, alias.Start, $"The alias '*{alias.Value.Value}' nests the YAML more than {MaxDepth} levels deep.");
            return;
        }

        Count(target.ExpandedSize, alias.Start);
        if (!_stopped)
        {
            Add(target);
        }
    }

    private void Complete(SyntaxNode? node, AnchorName anchor)
    {
        if (node is null || _stopped)
        {
            return;
        }

        if (!anchor.IsEmpty)
        {
            _anchors[anchor.Value] = node;
        }

        Add(node);
    }

    private void Add(SyntaxNode node)
    {
        if (_frames.Count == 0)
        {
            _root ??= node;
            return;
        }

        _frames.Peek().Add(node, _diagnostics);
    }

    private void Count(int nodes, Mark mark)
    {
        _nodeCount += nodes;
        if (_nodeCount > MaxNodes)
        {
            Fatal(DiagnosticCodes.TooManyNodes, mark, $"The YAML has more than {MaxNodes:N0} nodes once its aliases are expanded; a workflow never needs that many.");
        }
    }

    private void Fatal(string code, Mark mark, string message) => Fatal(code, Location(mark), message);

    private void Fatal(string code, SourceLocation location, string message)
    {
        if (!_stopped)
        {
            _diagnostics.Error(code, location, message);
            _stopped = true;
        }
    }

    /// <summary>The first tab in the leading whitespace of a line, from <paramref name="fromLine"/> on; null when there is none.</summary>
    private SourceLocation? TabInIndentation(int fromLine)
    {
        var lines = _text.Split('\n');
        for (var i = Math.Max(0, fromLine - 1); i < lines.Length; i++)
        {
            var indentation = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', 0, indentation);
            if (tab >= 0)
            {
                return new SourceLocation(_file, i + 1, tab + 1);
            }
        }

        return null;
    }

    /// <summary>The mark as a location, kept inside the text: at the end of the stream the parser may count lines that are not there.</summary>
    private SourceLocation Location(Mark mark)
    {
        var line = (int)Math.Max(1, mark.Line);
        var column = (int)Math.Max(1, mark.Column);
        if (line > _lineCount)
        {
            line = _lineCount;
            column = _text.Length - (_text.LastIndexOf('\n') + 1) + 1;
        }

        return new SourceLocation(_file, line, column);
    }

    private static string Sentence(string message)
    {
        message = string.Join(' ', message.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return message.Length == 0 ? "it cannot be parsed." : char.ToLowerInvariant(message[0]) + message[1..];
    }
}
