namespace Tagwatch.Protocols.Devices;

/// <summary>A frame is malformed; raised inside a decoder and turned into a <see cref="DecodeResult"/> at its boundary.</summary>
internal sealed class FrameFormatException(string message) : Exception(message);
