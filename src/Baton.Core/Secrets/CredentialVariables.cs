using System.Collections.Immutable;

namespace Baton.Secrets;

/// <summary>
/// The environment variables that hold credentials Baton uses itself, such as a model provider's API key
/// (<c>OPENAI_API_KEY</c>): the processes Baton starts (<c>run</c> steps, agent tools, MCP servers) do not inherit them.
/// A step that needs one passes it on by naming it in its own <c>env</c>.
/// </summary>
/// <remarks>
/// Process-wide and add-only, since a process holds one environment: whatever registers a variable (a model provider
/// registry, an application) hides it from every child started after that. Thread-safe. Names compare as the platform's
/// environment does (regardless of case on Windows).
/// </remarks>
public static class CredentialVariables
{
    private static ImmutableHashSet<string> _names = ImmutableHashSet.Create<string>(
        OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);

    /// <summary>Every variable registered so far.</summary>
    public static IReadOnlyCollection<string> Names => Volatile.Read(ref _names);

    /// <summary>Adds variables to hide from child processes; blank names are ignored.</summary>
    public static void Register(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var added = names.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).ToArray();
        if (added.Length > 0)
        {
            ImmutableInterlocked.Update(ref _names, static (set, more) => set.Union(more), added);
        }
    }

    /// <summary>Whether <paramref name="name"/> has been registered.</summary>
    public static bool Contains(string name) => Volatile.Read(ref _names).Contains(name);
}
