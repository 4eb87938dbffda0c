"""Training and export code for mrpilot's ONNX models."""
