using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Baton.Definitions.Compiler.Yaml;

internal sealed partial class YamlReader
{
    private ScalarNode? ReadScalar(Scalar scalar)
    {
        Count(1, scalar.Start);
        if (_stopped)
        {
            return null;
        }

        var location = Location(scalar.Start);
        var kind = ResolveKind(scalar, location);
        var span = new ScalarSpan(_text, (int)scalar.Start.Index, (int)scalar.End.Index, location.Line, location.Column);
        return new ScalarNode(scalar.Value, scalar.Style, kind, location, span);
    }

    private ScalarKind ResolveKind(Scalar scalar, SourceLocation location)
    {
        var plain = scalar.Style == ScalarStyle.Plain;
        if (scalar.Tag.IsEmpty || scalar.Tag.IsNonSpecific)
        {
            if (!plain || !scalar.Tag.IsEmpty)
            {
                return ScalarKind.String;
            }

            var resolved = CoreSchema.Resolve(scalar.Value);
            if (resolved == ScalarKind.Float && CoreSchema.IsNonFinite(scalar.Value))
            {
                _diagnostics.Error(DiagnosticCodes.UnsupportedYaml, location, $"'{scalar.Value}' is not a number JSON can hold; quote it to make it a string.");
                return ScalarKind.String;
            }

            return resolved;
        }

        var tagged = CoreSchema.KindOfTag(scalar.Tag.Value);
        if (tagged is null)
        {
            _diagnostics.Error(DiagnosticCodes.UnsupportedYaml, location, $"The tag '{scalar.Tag.Value}' is not supported; remove it.");
            return plain ? CoreSchema.Resolve(scalar.Value) : ScalarKind.String;
        }

        if (tagged != ScalarKind.String && (CoreSchema.Resolve(scalar.Value) != tagged || CoreSchema.IsNonFinite(scalar.Value)))
        {
            _diagnostics.Error(DiagnosticCodes.UnsupportedYaml, location, $"'{scalar.Value}' does not match its tag '{scalar.Tag.Value}'.");
            return ScalarKind.String;
        }

        return tagged.Value;
    }
}
