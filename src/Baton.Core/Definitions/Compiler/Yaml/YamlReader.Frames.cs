using YamlDotNet.Core;

namespace Baton.Definitions.Compiler.Yaml;

internal sealed partial class YamlReader
{
    /// <summary>A collection being read: the events between its start and its end.</summary>
    private abstract class Frame(SourceLocation location, AnchorName anchor)
    {
        public AnchorName Anchor => anchor;

        protected SourceLocation Location => location;

        public abstract void Add(SyntaxNode node, DiagnosticBag diagnostics);

        public abstract SyntaxNode Build();
    }

    private sealed class SequenceFrame(SourceLocation location, AnchorName anchor) : Frame(location, anchor)
    {
        private readonly List<SyntaxNode> _items = [];

        public override void Add(SyntaxNode node, DiagnosticBag diagnostics) => _items.Add(node);

        public override SyntaxNode Build() => new SequenceNode(_items, Location);
    }

    private sealed class MappingFrame(SourceLocation location, AnchorName anchor) : Frame(location, anchor)
    {
        private readonly List<MappingEntry> _entries = [];
        private readonly Dictionary<string, ScalarNode> _seen = new(StringComparer.Ordinal);
        private ScalarNode? _key;
        private bool _expectsValue;

        public override void Add(SyntaxNode node, DiagnosticBag diagnostics)
        {
            if (_expectsValue)
            {
                _expectsValue = false;
                if (_key is not null)
                {
                    _entries.Add(new MappingEntry(_key, node));
                }

                return;
            }

            _expectsValue = true;
            _key = null;
            if (node is not ScalarNode key)
            {
                diagnostics.Error(DiagnosticCodes.UnsupportedYaml, node.Location, $"A key must be a plain string, not {node.Describe()}.");
            }
            else if (_seen.TryGetValue(key.Value, out var first))
            {
                diagnostics.Error(
                    DiagnosticCodes.DuplicateKey,
                    key.Location,
                    $"The key '{key.Value}' appears twice in this mapping; the first is at {Positions.Earlier(first.Location, key.Location)}. Remove one of them.");
            }
            else
            {
                _seen[key.Value] = key;
                _key = key;
            }
        }

        public override SyntaxNode Build() => new MappingNode(_entries, Location);
    }
}
