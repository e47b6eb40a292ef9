using Kinerja.Domain.Penilaian;

namespace Kinerja.Testing.Builders;

/// <summary>
/// A scoring policy for tests: a shipped preset (read as the product reads it), optionally with an office override.
/// </summary>
public sealed class KebijakanBuilder
{
    private static readonly Lazy<KebijakanPenilaian> Kmk467Tanpa = new(() => KebijakanPenilaianReader.BacaPreset("kmk467"));

    private readonly string _preset;
    private string? _override;

    private KebijakanBuilder(string preset) => _preset = preset;

    public static KebijakanBuilder Kmk467() => new("kmk467");

    /// <summary>The <c>kmk467</c> preset as shipped.</summary>
    public static KebijakanPenilaian Kmk467Bawaan => Kmk467Tanpa.Value;

    /// <summary>An office override: a partial policy file of the same shape (<c>{"nkp":{"bobotCkp":70,"bobotNp":30}}</c>).</summary>
    public KebijakanBuilder DenganOverride(string overrideJson)
    {
        _override = overrideJson;
        return this;
    }

    public KebijakanPenilaian Build() =>
        _override is null && _preset == "kmk467" ? Kmk467Bawaan : KebijakanPenilaianReader.BacaPreset(_preset, _override);

    public Penilai BuildPenilai() => new(Build());
}
