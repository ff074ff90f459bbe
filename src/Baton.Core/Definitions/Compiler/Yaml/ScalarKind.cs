namespace Baton.Definitions.Compiler.Yaml;

/// <summary>The type of a scalar under the YAML 1.2 core schema. Quoted and block scalars are always strings.</summary>
internal enum ScalarKind
{
    String = 0,
    Null = 1,
    Boolean = 2,
    Integer = 3,
    Float = 4,
}
