import { engineContract } from "../engine-contract.ts";
import { createExtractiveEngine } from "./create-extractive-engine.ts";

engineContract("extractive", () => createExtractiveEngine());
