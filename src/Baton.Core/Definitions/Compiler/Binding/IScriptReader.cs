using Baton.Definitions.Compiler.Yaml;

namespace Baton.Definitions.Compiler.Binding;

/// <summary>Reads the script file a scripted model names, into the bundle.</summary>
internal interface IScriptReader
{
    /// <summary>
    /// Reads the file at <paramref name="path"/> (relative to the file that names it) and returns its key in the compilation's
    /// bundle. Null when it cannot be read; the reason is reported at <paramref name="pathNode"/>.
    /// </summary>
    string? ReadScript(string path, ScalarNode pathNode);
}
