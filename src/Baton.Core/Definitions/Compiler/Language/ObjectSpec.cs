namespace Baton.Definitions.Compiler.Language;

/// <summary>A closed mapping of the workflow language: the keys it accepts. Any other key is an error.</summary>
internal sealed class ObjectSpec
{
    private readonly Dictionary<string, KeySpec> _byName;

    public ObjectSpec(string name, string description, IReadOnlyList<KeySpec> keys)
    {
        Name = name;
        Description = description;
        Keys = keys;
        _byName = keys.ToDictionary(k => k.Name, StringComparer.Ordinal);
    }

    /// <summary>What the mapping is, with its article, for messages: "a step", "an http step"...</summary>
    public string Name { get; }

    public string Description { get; }

    public IReadOnlyList<KeySpec> Keys { get; }

    public bool Contains(string key) => _byName.ContainsKey(key);

    public KeySpec this[string key] => _byName[key];

    public IEnumerable<string> Required => Keys.Where(k => k.Required).Select(k => k.Name);
}
