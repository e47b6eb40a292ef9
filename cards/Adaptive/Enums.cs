namespace Kinerja.Cards;

// Adaptive Card 1.5 enumerations. Serialised as the schema's camelCase strings ("extraLarge", "attention") by
// CardJson's JsonStringEnumConverter; renderers compare them case-insensitively.

public enum TextSize
{
    Default,
    Small,
    Medium,
    Large,
    ExtraLarge,
}

public enum TextWeight
{
    Default,
    Lighter,
    Bolder,
}

public enum TextColor
{
    Default,
    Dark,
    Light,
    Accent,
    Good,
    Warning,
    Attention,
}

public enum FontType
{
    Default,
    Monospace,
}

/// <summary>TextBlock <c>style</c> (1.5): <c>heading</c> is announced as a heading by screen readers.</summary>
public enum TextBlockStyle
{
    Default,
    Heading,
}

public enum Spacing
{
    Default,
    None,
    Small,
    Medium,
    Large,
    ExtraLarge,
    Padding,
}

public enum HorizontalAlignment
{
    Left,
    Center,
    Right,
}

public enum VerticalAlignment
{
    Top,
    Center,
    Bottom,
}

public enum ContainerStyle
{
    Default,
    Emphasis,
    Good,
    Attention,
    Warning,
    Accent,
}

public enum ImageSize
{
    Auto,
    Stretch,
    Small,
    Medium,
    Large,
}

public enum ImageStyle
{
    Default,
    Person,
}
